package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  @TempDir Path dataDir;

  @Test
  void aMissingKeyIsGeneratedReadableByTheOwnerOnlyAndReusedAfterwards() throws IOException {
    KeyFile file =
        new KeyFile(dataDir.resolve("keys/fernet.key"), "FERNET_KEY", "it encrypts the messages");
    AtomicInteger generated = new AtomicInteger();

    String first = file.loadOrCreate(() -> "key-" + generated.incrementAndGet());
    String second = file.loadOrCreate(() -> "key-" + generated.incrementAndGet());

    assertThat(first).isEqualTo("key-1");
    assertThat(second).isEqualTo(first);
    assertThat(generated).hasValue(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file())))
        .isEqualTo("rw-------");
  }

  @Test
  void anExistingKeyFileIsNeverReplaced() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "the-old-key\n");

    String key =
        new KeyFile(path, "FERNET_KEY", "it encrypts the messages").loadOrCreate(() -> "a-new-key");

    assertThat(key).isEqualTo("the-old-key");
    assertThat(Files.readString(path)).isEqualTo("the-old-key\n");
  }

  @Test
  void anEmptyKeyFileIsRefusedRatherThanRegenerated() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "\n");

    assertThatThrownBy(
            () ->
                new KeyFile(path, "FERNET_KEY", "it encrypts the messages")
                    .loadOrCreate(() -> "a-new-key"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FERNET_KEY: ")
        .hasMessageContaining("is empty");
    assertThat(Files.readString(path)).isEqualTo("\n");
  }

  @Test
  void aKeyFileOverTheSizeLimitIsRefused() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "k".repeat((int) KeyFile.MAX_BYTES + 1));

    assertThatThrownBy(
            () ->
                new KeyFile(path, "FERNET_KEY", "it encrypts the messages")
                    .loadOrCreate(() -> "a-new-key"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("larger than " + KeyFile.MAX_BYTES);
  }
}
