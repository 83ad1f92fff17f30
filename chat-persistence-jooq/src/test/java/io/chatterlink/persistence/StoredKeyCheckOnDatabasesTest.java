package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.StoredKeyCheck;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.testkit.inmemory.TestOnlyCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start's key check as an embedder runs it ({@link JooqStorage} and {@link StoredKeyCheck},
 * both public), on SQLite and PostgreSQL: the fingerprints are stored with each body and read back
 * by the one query the check makes. Key versions of the test-only cipher stand in for Fernet keys.
 */
class StoredKeyCheckOnDatabasesTest {
  private static final TestOnlyCipher OLD = new TestOnlyCipher(1, Set.of());
  private static final TestOnlyCipher NEW_AND_OLD = new TestOnlyCipher(2, Set.of(1));
  private static final TestOnlyCipher NEW_ONLY = new TestOnlyCipher(2, Set.of());

  @TempDir Path folder;

  @Test
  void anInterruptedRotationWithTheOldKeyDroppedIsRefusedOnSqlite() {
    interruptedRotationIsRefused("jdbc:sqlite:" + folder.resolve("chat.db"));
  }

  @Test
  void anInterruptedRotationWithTheOldKeyDroppedIsRefusedOnPostgres() {
    interruptedRotationIsRefused(EmbeddedPostgresServer.freshDatabaseUrl());
  }

  @Test
  void oneCorruptBodyPassesAndOnlyItsMessageIsUnreadableOnSqlite() {
    oneCorruptBodyPasses("jdbc:sqlite:" + folder.resolve("chat.db"));
  }

  @Test
  void oneCorruptBodyPassesAndOnlyItsMessageIsUnreadableOnPostgres() {
    oneCorruptBodyPasses(EmbeddedPostgresServer.freshDatabaseUrl());
  }

  @Test
  void bodiesStoredWithoutAFingerprintAreIdentifiedAndRecordedOnSqlite() {
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of(url()))) {
      Chat chat = new Chat(storage, OLD);
      chat.post(3);
      List<BodyRewrite> strip =
          storage.messages().bodiesAfter(Optional.empty(), 10).stream()
              .map(r -> new BodyRewrite(r.cursor(), r.body(), new EncryptedBody(r.body().token())))
              .toList();
      storage.messages().replaceBodies(strip);
      assertThat(storage.messages().bodyKeys()).isEmpty();

      StoredKeyCheck.Result result = StoredKeyCheck.run(storage.messages(), NEW_AND_OLD);

      assertThat(result.identified()).isEqualTo(3);
      assertThat(storage.messages().bodyKeys()).containsExactly(TestOnlyCipher.fingerprint(1));
      assertThat(storage.messages().unfingerprintedBodiesAfter(Optional.empty(), 10)).isEmpty();
    }
  }

  private String url() {
    return "jdbc:sqlite:" + folder.resolve("chat.db");
  }

  private static void interruptedRotationIsRefused(String url) {
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of(url))) {
      new Chat(storage, OLD).post(3);
      coreOn(storage, NEW_AND_OLD).reencryption().reencryptBatch(Optional.empty(), 1);

      StoredKeyCheck.Result dropped = StoredKeyCheck.run(storage.messages(), NEW_ONLY);

      assertThat(storage.messages().bodyKeys())
          .containsExactlyInAnyOrder(TestOnlyCipher.fingerprint(1), TestOnlyCipher.fingerprint(2));
      assertThat(dropped.missing()).containsExactly(TestOnlyCipher.fingerprint(1));
      assertThat(dropped.problem())
          .hasValueSatisfying(
              p ->
                  assertThat(p)
                      .contains("missing key fingerprint " + TestOnlyCipher.fingerprint(1)));
      assertThat(StoredKeyCheck.run(storage.messages(), NEW_AND_OLD).problem()).isEmpty();
    }
  }

  private static void oneCorruptBodyPasses(String url) {
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of(url))) {
      Chat chat = new Chat(storage, OLD);
      chat.post(3);
      BodyRecord second = storage.messages().bodiesAfter(Optional.empty(), 10).get(1);
      EncryptedBody corrupt =
          new EncryptedBody(second.body().token() + "corrupt", second.body().key());
      storage
          .messages()
          .replaceBodies(List.of(new BodyRewrite(second.cursor(), second.body(), corrupt)));

      assertThat(StoredKeyCheck.run(storage.messages(), OLD).problem()).isEmpty();
      // The store's cursor is the message id.
      assertThat(chat.history()).hasSize(3);
      assertThat(chat.history())
          .filteredOn(MessageView::unreadable)
          .extracting(m -> m.id().value())
          .containsExactly(second.cursor());
    }
  }

  private static ChatCore coreOn(JooqStorage storage, MessageCipher cipher) {
    return InMemoryAdapters.create()
        .coreBuilderWithTestOnlyCrypto()
        .storage(storage)
        .cipher(cipher)
        .clock(Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  /** A core on the storage with one user and one room. */
  private static final class Chat {
    final ChatCore core;
    final UserId alice;
    final RoomId room;
    private int sent;

    Chat(JooqStorage storage, MessageCipher cipher) {
      core = coreOn(storage, cipher);
      alice =
          core.accounts()
              .register(new RegisterUser("alice", "correct horse", Optional.empty()))
              .id();
      room = core.rooms().createRoom(new CreateRoom(alice, "Lobby", RoomKind.PUBLIC)).id();
    }

    void post(int count) {
      for (int i = 0; i < count; i++) {
        core.messages()
            .send(
                new SendMessage(
                    alice,
                    room,
                    new ClientMessageId("c" + sent++),
                    "message " + i,
                    List.of(),
                    Optional.empty()));
      }
    }

    List<MessageView> history() {
      return core.history().page(alice, room, PageRequest.latest(10)).messages();
    }
  }
}
