package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's words around the library's key files: each refusal names the setting to use. */
class SettingKeyFileTest {
  @TempDir Path dataDir;

  private SettingKeyFile fernet(Path file) {
    return new SettingKeyFile(file, "FERNET_KEY", "it encrypts the messages");
  }

  @Test
  void aKeyIsGeneratedOnceAndReused() {
    SettingKeyFile file = fernet(dataDir.resolve("fernet.key"));

    String first = file.loadOrCreate(() -> "key-1");

    assertThat(first).isEqualTo("key-1");
    assertThat(file.loadOrCreate(() -> "key-2")).isEqualTo("key-1");
  }

  @Test
  void anEmptyKeyFileIsRefusedNamingTheSettingThatWouldReplaceIt() throws IOException {
    Path path = Files.writeString(dataDir.resolve("fernet.key"), "\n");

    assertThatThrownBy(() -> fernet(path).loadOrCreate(() -> "a-new-key"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "FERNET_KEY: "
                + path
                + " is empty; restore the key from a backup or set FERNET_KEY (it is never"
                + " regenerated over an existing file)");
  }

  @Test
  void aKeyFileThatCannotBeCreatedAsksForTheSettingOrAWritableDataDir() throws IOException {
    Path notAFolder = Files.writeString(dataDir.resolve("data"), "a file");
    Path path = notAFolder.resolve("fernet.key");

    assertThatThrownBy(() -> fernet(path).loadOrCreate(() -> "a-new-key"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FERNET_KEY: is not set and " + path + " cannot be created (")
        .hasMessageEndingWith("); set FERNET_KEY or make DATA_DIR writable on a POSIX file system");
  }

  @Test
  void aKeyFileOverTheSizeLimitIsRefusedNamingTheSetting() throws IOException {
    Path path = Files.writeString(dataDir.resolve("fernet.key"), "k".repeat(5000));

    assertThatThrownBy(() -> fernet(path).loadOrCreate(() -> "a-new-key"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FERNET_KEY: " + path + " is larger than 4096 bytes");
  }
}
