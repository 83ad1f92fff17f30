package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.crypto.ChatCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the server's keys come from, and its refusal to serve data it cannot read. */
class ChatServerKeysTest {
  @TempDir Path dataDir;

  @Test
  void theFirstStartGeneratesOwnerOnlyKeysAndLaterStartsReuseThem() throws IOException {
    AppConfig config = StoredData.config(dataDir, Map.of());
    Path fernetKey = dataDir.resolve(Backend.FERNET_KEY_FILE);
    Path secretKey = dataDir.resolve(Backend.SECRET_KEY_FILE);

    try (ChatServer first = ChatServer.start(config)) {
      assertThat(first.port()).isPositive();
    }
    String generated = Files.readString(fernetKey);
    String generatedSecret = Files.readString(secretKey);
    RoomSummary room =
        StoredData.roomWithMessages(config, "alice", List.of("written under the generated key"));
    try (ChatServer second = ChatServer.start(config)) {
      assertThat(second.port()).isPositive();
    }

    assertThat(Files.readString(fernetKey)).isEqualTo(generated);
    assertThat(Files.readString(secretKey)).isEqualTo(generatedSecret);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fernetKey)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretKey)))
        .isEqualTo("rw-------");
    assertThat(latestTexts(config, "alice", room))
        .containsExactly("written under the generated key");
  }

  @Test
  void aMissingDataDirIsCreatedForTheOwnerOnly() throws IOException {
    Path fresh = dataDir.resolve("nested/data");

    try (ChatServer server =
        ChatServer.start(StoredData.config(dataDir, Map.of("DATA_DIR", fresh.toString())))) {
      assertThat(server.port()).isPositive();
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rwx------");
    assertThat(fresh.resolve("chatterlink.db")).exists();
  }

  @Test
  void aServerWhoseKeyCannotReadTheStoredMessagesRefusesToStart() {
    String oldKey = ChatCrypto.generateKey();
    String otherKey = ChatCrypto.generateKey();
    StoredData.roomWithMessages(
        StoredData.config(dataDir, Map.of("FERNET_KEY", oldKey)), "alice", List.of("old"));

    assertThatThrownBy(
            () -> ChatServer.start(StoredData.config(dataDir, Map.of("FERNET_KEY", otherKey))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FERNET_KEY: ")
        .hasMessageContaining("Refusing to start")
        .hasMessageNotContaining(oldKey)
        .hasMessageNotContaining(otherKey);
  }

  @Test
  void droppingTheOldKeyAfterAnInterruptedRotationIsRefusedNamingItsFingerprint() {
    String oldKey = ChatCrypto.generateKey();
    String newKey = ChatCrypto.generateKey();
    StoredData.roomWithMessages(
        StoredData.config(dataDir, Map.of("FERNET_KEY", oldKey)),
        "alice",
        List.of("one", "two", "three"));
    AppConfig rotating = StoredData.config(dataDir, Map.of("FERNET_KEY", newKey + "," + oldKey));
    try (Backend backend = Backend.open(rotating)) {
      // rotate-keys, interrupted after its first batch
      backend.offlineCore().reencryption().reencryptBatch(Optional.empty(), 1);
    }
    String oldFingerprint = ChatCrypto.cipherFromSetting(oldKey).keyFingerprints().get(0).value();

    assertThatThrownBy(
            () -> ChatServer.start(StoredData.config(dataDir, Map.of("FERNET_KEY", newKey))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FERNET_KEY: ")
        .hasMessageContaining("missing key fingerprint " + oldFingerprint)
        .hasMessageContaining("Put the old key back in FERNET_KEY after the new one")
        .hasMessageContaining("rotate-keys")
        .hasMessageContaining("Refusing to start")
        .hasMessageNotContaining(oldKey)
        .hasMessageNotContaining(newKey);
  }

  @Test
  void oneCorruptStoredBodyDoesNotStopTheStartAndOnlyThatMessageIsUnreadable() throws Exception {
    AppConfig config = StoredData.config(dataDir, Map.of());
    RoomSummary room =
        StoredData.roomWithMessages(config, "alice", List.of("first", "second", "third"));
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("chatterlink.db"));
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE messages SET body = substr(body, 1, length(body) - 8) || 'AAAAAAAA'"
                      + " WHERE seq = 2"))
          .isOne();
    }

    try (ChatServer server = ChatServer.start(config)) {
      assertThat(server.port()).isPositive();
    }
    assertThat(latestTexts(config, "alice", room))
        .containsExactly("first", "(unreadable)", "third");
  }

  @Test
  void aLostKeyFileIsNotReplacedByANewKeyWhileMessagesAreStored() throws IOException {
    AppConfig config = StoredData.config(dataDir, Map.of());
    StoredData.roomWithMessages(config, "alice", List.of("under the lost key"));
    Path keyFile = dataDir.resolve(Backend.FERNET_KEY_FILE);
    Files.delete(keyFile);

    assertThatThrownBy(() -> ChatServer.start(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FERNET_KEY: ")
        .hasMessageContaining("does not exist");
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void anOldKeyListedAfterTheNewOneKeepsTheStoredMessagesReadable() {
    String oldKey = ChatCrypto.generateKey();
    String newKey = ChatCrypto.generateKey();
    RoomSummary room =
        StoredData.roomWithMessages(
            StoredData.config(dataDir, Map.of("FERNET_KEY", oldKey)), "alice", List.of("kept"));

    AppConfig rotated = StoredData.config(dataDir, Map.of("FERNET_KEY", newKey + "," + oldKey));
    try (ChatServer server = ChatServer.start(rotated)) {
      assertThat(server.port()).isPositive();
    }
    assertThat(latestTexts(rotated, "alice", room)).containsExactly("kept");
  }

  @Test
  void aMalformedFernetKeyIsRefusedByNameWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                ChatServer.start(
                    StoredData.config(dataDir, Map.of("FERNET_KEY", "not-a-key-at-all"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "FERNET_KEY: the 1st key decodes to 12 bytes; a Fernet key is 32 bytes (keys are not"
                + " shown)");
  }

  @Test
  void aPortThatIsTakenIsReportedByNameAndNothingIsLeftRunning() {
    try (ChatServer first = ChatServer.start(StoredData.config(dataDir, Map.of()))) {
      AppConfig same = StoredData.config(dataDir, Map.of("PORT", Integer.toString(first.port())));

      assertThatThrownBy(() -> ChatServer.start(same))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("PORT: ")
          .hasMessageContaining("cannot be bound");
    }
  }

  private static List<String> latestTexts(AppConfig config, String username, RoomSummary room) {
    try (Backend backend = Backend.open(config)) {
      ChatCore core = backend.core(Delivery.none(), backend.storage().messages());
      UserView user = core.accounts().logIn(new LogIn(username, StoredData.PASSWORD)).user();
      return core.history().page(user.id(), room.id(), PageRequest.latest(10)).messages().stream()
          .map(m -> m.unreadable() ? "(unreadable)" : m.text())
          .toList();
    }
  }
}
