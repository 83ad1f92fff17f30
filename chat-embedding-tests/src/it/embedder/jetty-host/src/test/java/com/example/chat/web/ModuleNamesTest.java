package com.example.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.persistence.JooqStorage;
import io.chatterlink.transport.websocket.WebSocketTransport;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Every ChatterLink jar this application resolved names its module for the module path. */
class ModuleNamesTest {
  @Test
  void eachChatterLinkJarHasAnAutomaticModuleName() throws Exception {
    Map<Class<?>, String> expected =
        Map.of(
            ChatCore.class, "io.chatterlink.core",
            ChatCrypto.class, "io.chatterlink.crypto",
            JooqStorage.class, "io.chatterlink.persistence",
            WebSocketTransport.class, "io.chatterlink.transport.websocket");
    for (Map.Entry<Class<?>, String> entry : expected.entrySet()) {
      Path jar =
          Path.of(entry.getKey().getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(jar.getFileName().toString()).endsWith(".jar");
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as(jar.getFileName().toString())
            .isEqualTo(entry.getValue());
      }
    }
  }
}
