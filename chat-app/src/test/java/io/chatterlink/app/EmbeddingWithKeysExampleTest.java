package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.StoredKeyCheck;
import io.chatterlink.core.UnreadableStoreException;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.crypto.KeyFile;
import io.chatterlink.crypto.KeyFiles;
import io.chatterlink.persistence.Durability;
import io.chatterlink.persistence.JooqStorage;
import io.chatterlink.persistence.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's second embedding example (SQLite, Fernet with a key file, the start-up key check),
 * compiled and run with the public API only, and checked against the README's text.
 */
class EmbeddingWithKeysExampleTest {
  private static final Path TEST =
      Path.of("src/test/java/io/chatterlink/app/EmbeddingWithKeysExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @TempDir Path dataDir;

  @Test
  void anEmbedderKeepsItsKeyInAFileAndIsRefusedWithTheWrongOne() throws IOException {
    // README-KEYS-BEGIN
    KeyFile fernet = KeyFiles.loadOrCreate(dataDir.resolve("fernet.key"), ChatCrypto::generateKey);
    // fernet.created() is true on the first start: tell the operator to back the file up.
    MessageCipher cipher = ChatCrypto.cipherFromSetting(fernet.key());
    String url = "jdbc:sqlite:" + dataDir.resolve("chat.db");
    try (JooqStorage storage = JooqStorage.open(new StorageSettings(url, Durability.NORMAL))) {
      // Throws UnreadableStoreException if the database holds messages under a key the file lacks.
      StoredKeyCheck.requireReadable(storage.messages(), cipher, fernet.path().toString());
      ChatCore core =
          ChatCore.builder()
              .storage(storage)
              .cipher(cipher)
              .passwordHasher(ChatCrypto.passwordHasher())
              .delivery(Delivery.none()) // no clients here; a transport's Delivery otherwise
              .build();

      UserView alice =
          core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
      UserView bob =
          core.accounts().register(new RegisterUser("Bob", "secret-2", Optional.empty()));
      assertThat(core.accounts().findByUsername(alice.id(), "BOB")).hasValue(bob);
      // ...
      // README-KEYS-END
      RoomId room =
          core.rooms().createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC)).id();
      core.messages()
          .send(
              new SendMessage(
                  alice.id(),
                  room,
                  new ClientMessageId("a-1"),
                  "stored under the key in the file",
                  List.of(),
                  Optional.empty()));
    }

    assertThat(fernet.created()).isTrue();
    assertThat(Files.getPosixFilePermissions(fernet.path())).isEqualTo(KeyFiles.OWNER_ONLY);
    assertThat(KeyFiles.loadOrCreate(fernet.path(), ChatCrypto::generateKey).key())
        .isEqualTo(fernet.key());
    MessageCipher wrongKey = ChatCrypto.cipherFromSetting(ChatCrypto.generateKey());
    try (JooqStorage storage =
        JooqStorage.open(
            new StorageSettings("jdbc:sqlite:" + dataDir.resolve("chat.db"), Durability.NORMAL))) {
      assertThatThrownBy(
              () -> StoredKeyCheck.requireReadable(storage.messages(), wrongKey, "APP_KEY"))
          .isInstanceOf(UnreadableStoreException.class)
          .hasMessageContaining("not in APP_KEY");
    }
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatThisTestRuns() throws IOException {
    String test = Files.readString(TEST);
    String snippet =
        test.substring(
            test.indexOf("// README-KEYS-BEGIN") + "// README-KEYS-BEGIN".length(),
            test.indexOf("// README-KEYS-END"));

    assertThat(normalized(Files.readString(README))).contains(normalized(snippet));
  }

  /** Compares line by line, ignoring indentation, which differs between the test and Markdown. */
  private static String normalized(String text) {
    return Arrays.stream(text.split("\n"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
