package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ChatWeb.create(core, settings, storage)}, the public way to give the web adapter the
 * database: its throttles live in the storage, so two servers on one storage share them, and its
 * uploads go to the settings' upload directory.
 */
class ChatWebOnAStorageTest {
  @TempDir Path uploads;

  @Test
  void twoServersOnOneStorageShareTheRegistrationThrottleAndTheUploadDirectory() {
    InMemoryAdapters storage = InMemoryAdapters.create();
    WebSettings settings =
        WebSettings.defaults(uploads).withRegistrationThrottle(2, Duration.ofHours(1));
    try (Served first = Served.on(storage, settings);
        Served second = Served.on(storage, settings)) {
      assertThat(register(first, "alice").status()).isEqualTo(201);
      assertThat(register(second, "bob").status()).isEqualTo(201);

      assertThat(register(second, "carol").status()).isEqualTo(429);
      assertThat(register(first, "carol").status()).isEqualTo(429);
    }
    assertThat(Files.isDirectory(uploads.resolve("files"))).isTrue();
  }

  @Test
  void aMissingStorageIsRefused() {
    ChatCore core = InMemoryAdapters.create().coreBuilderWithTestOnlyCrypto().build();

    assertThatThrownBy(() -> ChatWeb.create(core, WebSettings.defaults(uploads), (Storage) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("storage");
  }

  private static WebClient.Reply register(Served server, String name) {
    WebClient client = new WebClient(server.base, WebClient.newHttpClient());
    return client.post(
        "/api/register", Map.of("username", name, "password", "correct horse " + name));
  }

  /** A ChatWeb built by the public factory on Undertow, on an ephemeral loopback port. */
  private record Served(ChatWeb web, Undertow undertow, URI base) implements AutoCloseable {
    static Served on(InMemoryAdapters storage, WebSettings settings) {
      ChatCore core = storage.coreBuilderWithTestOnlyCrypto().build();
      ChatWeb web = ChatWeb.create(core, settings, storage);
      Undertow undertow =
          web.configure(Undertow.builder())
              .addHttpListener(0, "127.0.0.1")
              .setIoThreads(1)
              .setWorkerThreads(2)
              .setHandler(web.handler())
              .build();
      undertow.start();
      int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
      return new Served(web, undertow, URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public void close() {
      undertow.stop();
      web.close();
    }
  }
}
