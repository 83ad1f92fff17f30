package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's grouping, seen from outside: the test holds the writer inside one operation while
 * appends queue up, then lets go, so the queued appends form exactly one group.
 */
class GroupCommitWriterTest {
  private static final int GROUP = 20;

  @TempDir Path folder;
  private JooqStorage storage;
  private StorageFixtures fixtures;
  private FaultyConnection faulty;
  private GroupCommitWriter writer;
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CommitHealth health = new CommitHealth(System::nanoTime);

  @BeforeEach
  void openStorageAndASecondWriterOnIt() {
    StorageSettings settings = StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db"));
    storage = JooqStorage.open(settings);
    fixtures = new StorageFixtures(storage);
    DatabaseTarget target = DatabaseTarget.parse(settings);
    faulty =
        new FaultyConnection(() -> ConnectionPool.open(target.writeUrl(), target.credentials()));
    writer =
        new GroupCommitWriter(
            faulty::connection,
            SQLDialect.SQLITE,
            new Settings().withExecuteLogging(false),
            health);
  }

  @AfterEach
  void closeEverything() {
    gate.countDown();
    callers.shutdownNow();
    writer.close();
    storage.close();
  }

  @Test
  void queuedAppendsShareOneCommitAndGetGapFreeSeqs() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> appends =
        queue(GROUP, i -> fixtures.newMessage(room, alice, "m" + i));
    int commitsBefore = faulty.commits.get();

    gate.countDown();

    assertThat(appends.stream().map(CompletableFuture::join).map(o -> o.message().seq()))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, GROUP).boxed().toList());
    assertThat(faulty.commits.get() - commitsBefore).isEqualTo(2);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(GROUP);
  }

  @Test
  void aFailedCommitFailsEveryAppendOfItsGroupAndStoresNone() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> appends =
        queue(GROUP, i -> fixtures.newMessage(room, alice, "m" + i));
    // The held operation's own group commits first; refuse the commit after it, the appends'.
    faulty.refuseAttempt = faulty.attempts.get() + 2;

    gate.countDown();

    for (CompletableFuture<AppendOutcome> append : appends) {
      assertThatThrownBy(append::join).hasCauseInstanceOf(UnavailableException.class);
    }
    assertThat(storage.messages().lastSeq(room)).isZero();
    assertThat(storage.messages().page(room, PageRequest.latest(100))).isEmpty();
  }

  @Test
  void aRefusedCommitMarksCommitsFailingUntilAGroupCommitsAgain() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> appends =
        queue(GROUP, i -> fixtures.newMessage(room, alice, "m" + i));
    faulty.refuseAttempt = faulty.attempts.get() + 2;
    assertThat(health.failing()).isFalse();

    gate.countDown();
    appends.forEach(append -> append.exceptionally(failure -> null).join());

    assertThat(health.failing()).isTrue();
    writer.execute(batch -> batch.append(fixtures.newMessage(room, alice, "works again")));
    assertThat(health.failing()).isFalse();
  }

  @Test
  void twoAppendsOfOnePairInOneGroupStoreOneMessage() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    NewMessage original = fixtures.newMessage(room, alice, "once");
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> sends =
        queue(
            5,
            i ->
                new NewMessage(
                    fixtures.newMessageId(),
                    room,
                    alice.id(),
                    original.clientMessageId(),
                    original.body(),
                    List.of(),
                    original.replyTo(),
                    original.sentAt()));

    gate.countDown();

    List<AppendOutcome> outcomes = sends.stream().map(CompletableFuture::join).toList();
    assertThat(outcomes).filteredOn(o -> !o.duplicate()).hasSize(1);
    assertThat(outcomes).extracting(AppendOutcome::message).containsOnly(outcomes.get(0).message());
    assertThat(storage.messages().lastSeq(room)).isEqualTo(1);
  }

  @Test
  void aWriteThatFailsInsideAGroupFailsAloneAndItsNeighboursAreStored() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    RoomId missing = fixtures.newRoomId();
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> appends =
        queue(6, i -> fixtures.newMessage(i == 3 ? missing : room, alice, "m" + i));

    gate.countDown();

    assertThatThrownBy(appends.get(3)::join).hasCauseInstanceOf(UnavailableException.class);
    appends.remove(3);
    assertThat(appends.stream().map(CompletableFuture::join).map(o -> o.message().seq()))
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(storage.messages().page(room, PageRequest.latest(100)))
        .extracting(StoredMessage::seq)
        .hasSize(5);
  }

  @Test
  void aWriteThatLostARaceWithAnotherProcessIsRetriedAndStored() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    NewMessage message = fixtures.newMessage(room, alice, "after a deadlock");
    AtomicInteger attempts = new AtomicInteger();

    AppendOutcome outcome =
        writer.execute(
            room,
            batch -> {
              if (attempts.incrementAndGet() < GroupCommitWriter.MAX_ATTEMPTS_ALONE) {
                throw lostARace();
              }
              return batch.append(message);
            });

    assertThat(outcome.duplicate()).isFalse();
    assertThat(attempts).hasValue(GroupCommitWriter.MAX_ATTEMPTS_ALONE);
    assertThat(storage.messages().lastSeq(room)).isEqualTo(1);
  }

  @Test
  void aWriteThatKeepsLosingRacesFailsAfterTheLastAttempt() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                writer.execute(
                    batch -> {
                      attempts.incrementAndGet();
                      throw lostARace();
                    }))
        .isInstanceOf(UnavailableException.class);
    assertThat(attempts).hasValue(GroupCommitWriter.MAX_ATTEMPTS_ALONE);
  }

  @Test
  void aWriteThatFailsForAnotherReasonIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                writer.execute(
                    batch -> {
                      attempts.incrementAndGet();
                      throw new DataAccessException(
                          "full", new SQLException("database or disk is full", "53100"));
                    }))
        .isInstanceOf(UnavailableException.class);
    assertThat(attempts).hasValue(1);
  }

  /** What PostgreSQL reports to the loser of a deadlock, as jOOQ would wrap it. */
  private static DataAccessException lostARace() {
    return new DataAccessException(
        "appending failed", new SQLException("deadlock detected", "40P01"));
  }

  @Test
  void writesQueuedBeforeCloseAreFinishedAndLaterOnesRefused() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    holdTheWriter();
    List<CompletableFuture<AppendOutcome>> appends =
        queue(3, i -> fixtures.newMessage(room, alice, "m" + i));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close, callers);

    gate.countDown();
    closing.join();

    assertThat(appends).allSatisfy(a -> assertThat(a.join().duplicate()).isFalse());
    assertThatThrownBy(
            () -> writer.execute(batch -> batch.append(fixtures.newMessage(room, alice, "late"))))
        .isInstanceOf(UnavailableException.class);
    writer.close();
  }

  @Test
  void anAsynchronousWriteFailsItsFutureNotItsCaller() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    holdTheWriter();
    CompletableFuture<AppendOutcome> append =
        writer.executeAsync(room, batch -> batch.append(fixtures.newMessage(room, alice, "m")));
    faulty.refuseAttempt = faulty.attempts.get() + 2;

    gate.countDown();

    assertThatThrownBy(append::join).hasCauseInstanceOf(UnavailableException.class);
    writer.close();
    CompletableFuture<AppendOutcome> late =
        writer.executeAsync(
            room, batch -> batch.append(fixtures.newMessage(room, alice, "after close")));
    assertThatThrownBy(late::join).hasCauseInstanceOf(UnavailableException.class);
    assertThat(storage.messages().lastSeq(room)).isZero();
  }

  @Test
  void anErrorInsideTheWriterFailsItsGroupAndTheWriterGoesOn() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();

    assertThatThrownBy(
            () ->
                writer.execute(
                    batch -> {
                      throw new AssertionError("an Error, not an exception");
                    }))
        .isInstanceOf(UnavailableException.class);

    AppendOutcome after =
        writer.execute(batch -> batch.append(fixtures.newMessage(room, alice, "still working")));
    assertThat(after.message().seq()).isEqualTo(1);
  }

  @Test
  void closeWaitsABoundedTimeForAWriterStuckInAWriteAndLeavesItRunning() {
    holdTheWriter();
    long before = System.nanoTime();

    writer.close();

    assertThat(System.nanoTime() - before)
        .isLessThan(TimeUnit.SECONDS.toNanos(GroupCommitWriter.CLOSE_WAIT_SECONDS + 30));
    assertThatThrownBy(() -> writer.execute(batch -> null))
        .isInstanceOf(UnavailableException.class);
    gate.countDown();
  }

  /** Puts the writer to wait inside an operation of its own until {@link #gate} opens. */
  private void holdTheWriter() {
    CountDownLatch inside = new CountDownLatch(1);
    callers.submit(
        () ->
            writer.execute(
                batch -> {
                  inside.countDown();
                  await(gate);
                  return null;
                }));
    await(inside);
  }

  private List<CompletableFuture<AppendOutcome>> queue(int count, IntFunction<NewMessage> message) {
    List<CompletableFuture<AppendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NewMessage m = message.apply(i);
      Supplier<AppendOutcome> append = () -> writer.execute(batch -> batch.append(m));
      futures.add(CompletableFuture.supplyAsync(append, callers));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (writer.queued() < count) {
      assertThat(System.nanoTime()).as("appends queued in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return futures;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).as("latch opened").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
