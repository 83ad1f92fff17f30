package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History pages and resync batches read each message's attachments by the batch's seq range (see
 * {@link MessageReadSql}); on both databases every message comes back as {@code find} reads it,
 * with its own attachments in order, and none of another message's. The core's contracts send no
 * attachments through these reads, so this test does.
 */
class MessageReadsTest {
  @TempDir static Path folder;
  private JooqStorage storage;

  static Stream<String> databases() {
    return Stream.of("sqlite", "postgres");
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void pagesAndResyncCarryEachMessagesOwnAttachmentsInOrder(String database) {
    storage = JooqStorage.open(StorageSettings.of(url(database)));
    StorageFixtures fixtures = new StorageFixtures(storage);
    MessageStore messages = storage.messages();
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage plain = fixtures.post(room, alice, "no attachments");
    List<AttachmentId> three =
        Stream.generate(() -> fixtures.attachment(room, alice).id()).limit(3).toList();
    StoredMessage withThree = append(messages, fixtures, room, alice, "three", three);
    AttachmentId one = fixtures.attachment(room, alice).id();
    StoredMessage withOne = append(messages, fixtures, room, alice, "one", List.of(one));
    messages.edit(withThree.id(), StorageFixtures.body("three, edited"), StorageFixtures.at(90));
    fixtures.post(room, alice, "last");

    List<StoredMessage> stored =
        Stream.of(plain, withThree, withOne).map(m -> messages.find(m.id()).orElseThrow()).toList();
    assertThat(stored.get(1).attachments()).containsExactlyElementsOf(three);
    assertThat(stored.get(2).attachments()).containsExactly(one);

    assertThat(messages.page(room, PageRequest.latest(5)).subList(0, 3))
        .containsExactlyElementsOf(stored);
    assertThat(messages.page(room, PageRequest.before(4, 2)))
        .containsExactlyElementsOf(stored.subList(1, 3));
    assertThat(messages.page(room, PageRequest.after(1, 2)))
        .containsExactlyElementsOf(stored.subList(1, 3));

    List<LogEntry> log = messages.entriesAfter(room, 0, 10);
    assertThat(log)
        .extracting(LogEntry::kind)
        .containsExactly(
            EntryKind.POSTED,
            EntryKind.POSTED,
            EntryKind.POSTED,
            EntryKind.EDITED,
            EntryKind.POSTED);
    assertThat(log.subList(0, 4))
        .extracting(LogEntry::message)
        .containsExactly(stored.get(0), stored.get(1), stored.get(2), stored.get(1));
    // A batch that starts after the first post still finds the attachments of the edited message.
    assertThat(messages.entriesAfter(room, 2, 2))
        .extracting(LogEntry::message)
        .containsExactly(stored.get(2), stored.get(1));
  }

  private static StoredMessage append(
      MessageStore messages,
      StorageFixtures fixtures,
      RoomId room,
      User sender,
      String text,
      List<AttachmentId> attachments) {
    return messages
        .append(
            new NewMessage(
                fixtures.newMessageId(),
                room,
                sender.id(),
                new ClientMessageId(text),
                StorageFixtures.body(text),
                attachments,
                Optional.empty(),
                StorageFixtures.at(60)))
        .message();
  }

  private static String url(String database) {
    return database.equals("sqlite")
        ? "jdbc:sqlite:" + folder.resolve("chat-" + System.nanoTime() + ".db")
        : EmbeddedPostgresServer.freshDatabaseUrl();
  }
}
