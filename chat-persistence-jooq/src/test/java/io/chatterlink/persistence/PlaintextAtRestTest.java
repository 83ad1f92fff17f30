package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing but the cipher's output reaches the database: messages holding a canary go through the
 * core into SQLite, and the raw database file and its WAL are searched for the canary. The core
 * runs with the test-only cipher (an encoding, so the canary never appears in its tokens); any
 * plaintext copy stored beside the token would show. The real Fernet cipher is composed with this
 * storage in chat-app.
 */
class PlaintextAtRestTest {
  private static final String CANARY = "CANARY-plaintext-7f3a9c";

  @TempDir Path folder;

  @Test
  void aCanarySentEditedAndDeletedAppearsNowhereInTheDatabaseFileOrItsWal() throws IOException {
    Path db = folder.resolve("chat.db");
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db))) {
      ChatCore core = coreOn(storage);
      UserId alice =
          core.accounts()
              .register(new RegisterUser("alice", "correct horse", Optional.empty()))
              .id();
      RoomId room = core.rooms().createRoom(new CreateRoom(alice, "Lobby", RoomKind.PUBLIC)).id();
      MessageId kept = send(core, alice, room, "1", "hello " + CANARY);
      MessageId deleted = send(core, alice, room, "2", CANARY + " to be deleted");
      core.messages().edit(new EditMessage(alice, kept, "edited " + CANARY));
      core.messages().delete(new DeleteMessage(alice, deleted));

      assertThat(Files.exists(Path.of(db + "-wal"))).as("WAL in use").isTrue();
      assertNoCanaryIn(db, Path.of(db + "-wal"));
    }
    assertNoCanaryIn(db);
  }

  private static MessageId send(
      ChatCore core, UserId actor, RoomId room, String clientId, String text) {
    return core.messages()
        .send(
            new SendMessage(
                actor, room, new ClientMessageId(clientId), text, List.of(), Optional.empty()))
        .message()
        .id();
  }

  private static ChatCore coreOn(JooqStorage storage) {
    return InMemoryAdapters.create()
        .coreBuilderWithTestOnlyCrypto()
        .storage(storage)
        .clock(Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
        .build();
  }

  private static void assertNoCanaryIn(Path... files) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(raw).as("%s holds no plaintext body", file.getFileName()).doesNotContain(CANARY);
      all.append(raw);
    }
    // The room name is stored in plaintext: finding it proves these are the bytes that were
    // written.
    assertThat(all.toString()).as("the files hold the room name").contains("Lobby");
  }
}
