package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.at;
import static io.chatterlink.testkit.contract.StorageFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EntryKind;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The writing half of the {@link io.chatterlink.core.port.out.MessageStore} rules: seqs start at 1
 * and are strictly increasing and gap-free per room, also under concurrent writers; appends are
 * idempotent on (sender, client message id), also under concurrent resends; edits and deletes are
 * log entries with their own seqs; a delete erases the body everywhere. Extend {@link
 * MessageStoreContract}, which inherits these tests.
 */
public abstract class MessageAppendContract extends StorageContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected MessageAppendContract() {}

  @Test
  void anAsynchronousAppendCompletesWithWhatAnAppendReturns() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    fixtures.post(room, alice, "first");
    NewMessage second = fixtures.newMessage(room, alice, "second");

    AppendOutcome outcome = storage.messages().appendAsync(second).toCompletableFuture().join();

    assertThat(outcome.duplicate()).isFalse();
    assertThat(outcome.message()).isEqualTo(StoredMessage.posted(second, 2));
    assertThat(storage.messages().find(second.id())).contains(outcome.message());
    AppendOutcome again = storage.messages().appendAsync(second).toCompletableFuture().join();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.message()).isEqualTo(outcome.message());
  }

  @Test
  void asynchronousAppendsStartedOneAfterAnotherGetSeqsInThatOrder() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    List<NewMessage> sent = new ArrayList<>();
    List<java.util.concurrent.CompletableFuture<AppendOutcome>> pending = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      NewMessage message = fixtures.newMessage(room, alice, "pipelined " + i);
      sent.add(message);
      pending.add(storage.messages().appendAsync(message).toCompletableFuture());
    }

    List<Long> seqs = pending.stream().map(f -> f.join().message().seq()).toList();

    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(storage.messages().find(sent.get(i).id()).orElseThrow().seq()).isEqualTo(i + 1);
    }
  }

  @Test
  void seqsStartAtOneAndFollowEachOtherInEachRoom() {
    User alice = fixtures.user("alice");
    RoomId lobby = fixtures.room();
    RoomId games = fixtures.room();

    assertThat(fixtures.post(lobby, alice, "a").seq()).isEqualTo(1);
    assertThat(fixtures.post(lobby, alice, "b").seq()).isEqualTo(2);
    assertThat(fixtures.post(games, alice, "c").seq()).isEqualTo(1);
    assertThat(fixtures.post(lobby, alice, "d").seq()).isEqualTo(3);

    assertThat(storage.messages().lastSeq(lobby)).isEqualTo(3);
    assertThat(storage.messages().lastSeq(games)).isEqualTo(1);
    assertThat(storage.messages().lastSeq(fixtures.room())).isZero();
  }

  @Test
  void anAppendedMessageIsFoundAsItWasSent() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage first = fixtures.post(room, alice, "first");
    Attachment photo = fixtures.attachment(room, alice);
    NewMessage reply =
        new NewMessage(
            fixtures.newMessageId(),
            room,
            alice.id(),
            new ClientMessageId("reply-1"),
            body("look"),
            List.of(photo.id()),
            Optional.of(first.id()),
            at(30));

    AppendOutcome outcome = storage.messages().append(reply);

    assertThat(outcome.duplicate()).isFalse();
    assertThat(outcome.message()).isEqualTo(StoredMessage.posted(reply, 2));
    assertThat(storage.messages().find(reply.id())).contains(outcome.message());
    assertThat(storage.messages().find(new MessageId("no-such-message"))).isEmpty();
  }

  @Test
  void aResendReturnsTheOriginalAndWritesNothing() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    NewMessage original = fixtures.newMessage(room, alice, "hello");
    StoredMessage stored = storage.messages().append(original).message();
    NewMessage resend = resendOf(original, "hello, edited before the resend");

    AppendOutcome outcome = storage.messages().append(resend);

    assertThat(outcome.duplicate()).isTrue();
    assertThat(outcome.message()).isEqualTo(stored);
    assertThat(storage.messages().find(resend.id())).isEmpty();
    assertThat(storage.messages().lastSeq(room)).isEqualTo(1);
  }

  @Test
  void aMessageIdTakenByAnotherMessageIsAConflictAndWritesNothing() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage first = fixtures.post(room, alice, "first");
    NewMessage clash = withId(fixtures.newMessage(room, alice, "same id"), first.id());

    assertThatThrownBy(() -> storage.messages().append(clash))
        .isInstanceOf(ConflictException.class);

    assertThat(storage.messages().find(first.id())).contains(first);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(1);
  }

  @Test
  void aTakenMessageIdAmongAppendsInFlightFailsThatAppendAlone() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    NewMessage before = fixtures.newMessage(room, alice, "before");
    NewMessage clash = withId(fixtures.newMessage(room, alice, "same id"), before.id());
    NewMessage after = fixtures.newMessage(room, alice, "after");

    List<java.util.concurrent.CompletableFuture<AppendOutcome>> pending =
        java.util.stream.Stream.of(before, clash, after)
            .map(m -> storage.messages().appendAsync(m).toCompletableFuture())
            .toList();

    assertThat(pending.get(0).join().message().seq()).isEqualTo(1);
    assertThat(pending.get(1))
        .failsWithin(java.time.Duration.ofSeconds(30))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ConflictException.class);
    assertThat(pending.get(2).join().message().seq()).isEqualTo(2);
    assertThat(storage.messages().find(before.id()).orElseThrow().seq()).isEqualTo(1);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(2);
  }

  private static NewMessage withId(NewMessage message, MessageId id) {
    return new NewMessage(
        id,
        message.roomId(),
        message.sender(),
        message.clientMessageId(),
        message.body(),
        message.attachments(),
        message.replyTo(),
        message.sentAt());
  }

  @Test
  void theSameClientMessageIdFromAnotherSenderIsANewMessage() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    RoomId room = fixtures.room();
    NewMessage fromAlice = fixtures.newMessage(room, alice, "hi");
    storage.messages().append(fromAlice);
    NewMessage fromBob =
        new NewMessage(
            fixtures.newMessageId(),
            room,
            bob.id(),
            fromAlice.clientMessageId(),
            body("hi"),
            List.of(),
            Optional.empty(),
            at(5));

    AppendOutcome outcome = storage.messages().append(fromBob);

    assertThat(outcome.duplicate()).isFalse();
    assertThat(outcome.message().seq()).isEqualTo(2);
  }

  @Test
  void concurrentAppendsGiveEachRoomGapFreeSeqs() {
    User alice = fixtures.user("alice");
    List<RoomId> rooms = List.of(fixtures.room(), fixtures.room(), fixtures.room());
    int threads = 8;
    int appendsPerThread = 200;

    List<List<StoredMessage>> perThread =
        Concurrently.run(
            threads,
            t -> {
              List<StoredMessage> mine = new ArrayList<>();
              for (int i = 0; i < appendsPerThread; i++) {
                RoomId room = rooms.get((t + i) % rooms.size());
                mine.add(fixtures.post(room, alice, "t" + t + "-" + i));
              }
              return mine;
            });

    Map<RoomId, List<Long>> seqsByRoom =
        perThread.stream()
            .flatMap(List::stream)
            .collect(
                Collectors.groupingBy(
                    StoredMessage::roomId,
                    Collectors.mapping(StoredMessage::seq, Collectors.toList())));
    int total = 0;
    for (RoomId room : rooms) {
      List<Long> seqs = seqsByRoom.get(room);
      long n = seqs.size();
      total += n;
      assertThat(seqs)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
      assertThat(storage.messages().lastSeq(room)).isEqualTo(n);
      assertThat(allEntries(room))
          .extracting(LogEntry::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
    }
    assertThat(total).isEqualTo(threads * appendsPerThread);
  }

  @Test
  void concurrentResendsOfOneClientMessageIdStoreItOnce() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    NewMessage original = fixtures.newMessage(room, alice, "once");
    List<NewMessage> sends = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sends.add(resendOf(original, "once"));
    }

    List<AppendOutcome> outcomes =
        Concurrently.run(sends.size(), i -> storage.messages().append(sends.get(i)));

    assertThat(outcomes).filteredOn(o -> !o.duplicate()).hasSize(1);
    StoredMessage stored =
        outcomes.stream().filter(o -> !o.duplicate()).findFirst().orElseThrow().message();
    assertThat(outcomes).extracting(AppendOutcome::message).containsOnly(stored);
    assertThat(stored.seq()).isEqualTo(1);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(1);
  }

  @Test
  void concurrentPostsEditsAndDeletesShareOneGapFreeSequence() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    int postsPerThread = 25;

    List<Integer> writesPerThread =
        Concurrently.run(
            4,
            t -> {
              int writes = 0;
              for (int i = 0; i < postsPerThread; i++) {
                StoredMessage m = fixtures.post(room, alice, "t" + t + "-" + i);
                storage.messages().edit(m.id(), body("edited"), at(1000));
                writes += 2;
                if (i % 5 == 0) {
                  storage.messages().delete(m.id(), at(2000));
                  writes++;
                }
              }
              return writes;
            });

    long total = writesPerThread.stream().mapToInt(Integer::intValue).sum();
    List<LogEntry> log = allEntries(room);
    assertThat(total).isEqualTo(4 * (2 * postsPerThread + postsPerThread / 5));
    assertThat(storage.messages().lastSeq(room)).isEqualTo(total);
    assertThat(log)
        .extracting(LogEntry::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(log).filteredOn(e -> e.kind() == EntryKind.DELETED).hasSize(4 * postsPerThread / 5);
  }

  @Test
  void anEditIsLoggedUnderItsOwnSeqAndChangesTheMessage() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage message = fixtures.post(room, alice, "helo");
    fixtures.post(room, alice, "other");

    LogEntry edit = storage.messages().edit(message.id(), body("hello"), at(100));

    StoredMessage edited = message.edited(body("hello"), at(100));
    assertThat(edit)
        .isEqualTo(
            new LogEntry(room, 3, EntryKind.EDITED, edited, Optional.of(body("hello")), at(100)));
    assertThat(storage.messages().find(message.id())).contains(edited);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(3);
  }

  @Test
  void aDeleteLeavesATombstoneAndErasesTheBodyFromEveryEntry() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage message = fixtures.post(room, alice, "secret");
    StoredMessage other = fixtures.post(room, alice, "stays");
    storage.messages().edit(message.id(), body("secret, edited"), at(100));

    LogEntry delete = storage.messages().delete(message.id(), at(200));

    StoredMessage tombstone = message.edited(body("x"), at(100)).tombstone();
    assertThat(delete)
        .isEqualTo(new LogEntry(room, 4, EntryKind.DELETED, tombstone, Optional.empty(), at(200)));
    assertThat(storage.messages().find(message.id())).contains(tombstone);
    List<LogEntry> log = allEntries(room);
    assertThat(log)
        .extracting(LogEntry::kind)
        .containsExactly(EntryKind.POSTED, EntryKind.POSTED, EntryKind.EDITED, EntryKind.DELETED);
    assertThat(log)
        .filteredOn(e -> e.message().id().equals(message.id()))
        .allSatisfy(e -> assertThat(e.body()).isEmpty())
        .allSatisfy(e -> assertThat(e.message()).isEqualTo(tombstone));
    assertThat(storage.messages().find(other.id()).orElseThrow().body()).contains(body("stays"));
  }

  @Test
  void deletedAndUnknownMessagesCanBeNeitherEditedNorDeleted() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    StoredMessage message = fixtures.post(room, alice, "bye");
    storage.messages().delete(message.id(), at(10));
    MessageId unknown = new MessageId("no-such-message");

    assertThatThrownBy(() -> storage.messages().edit(message.id(), body("again"), at(20)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> storage.messages().delete(message.id(), at(20)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> storage.messages().edit(unknown, body("x"), at(20)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> storage.messages().delete(unknown, at(20)))
        .isInstanceOf(NotFoundException.class);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(2);
  }

  /** The same client message id under a new message id, as a client's retry produces. */
  NewMessage resendOf(NewMessage original, String text) {
    return new NewMessage(
        fixtures.newMessageId(),
        original.roomId(),
        original.sender(),
        original.clientMessageId(),
        body(text),
        original.attachments(),
        original.replyTo(),
        original.sentAt().plusSeconds(1));
  }

  /** The whole log of a room, read in batches as a resyncing client would. */
  List<LogEntry> allEntries(RoomId room) {
    List<LogEntry> all = new ArrayList<>();
    List<LogEntry> batch;
    do {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
      batch = storage.messages().entriesAfter(room, after, 500);
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }
}
