package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A room's log entries reach the delivery port in seq order, whatever order their sends end in. */
class InOrderRoomDeliveryTest {
  private static final RoomId ROOM = new RoomId("room-1");
  private static final Set<UserId> NOBODY = Set.of();

  private final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
  private final Delivery recording =
      new Delivery() {
        @Override
        public void deliver(ChatEvent event, Set<UserId> recipients) {
          delivered.add(((MessageDeleted) event).seq());
        }

        @Override
        public void closeSessions(Set<SessionId> sessions) {}
      };
  private InOrderRoomDelivery inOrder = new InOrderRoomDelivery(recording);

  private static MessageDeleted entry(RoomId room, long seq) {
    return new MessageDeleted(room, seq, new MessageId("m" + seq), Instant.EPOCH);
  }

  private void publish(long seq) {
    inOrder.publish(entry(ROOM, seq), NOBODY);
  }

  @Test
  void anEntryThatArrivesEarlyWaitsForItsPredecessors() {
    publish(1);
    publish(3);
    publish(4);
    assertThat(delivered).containsExactly(1L);

    publish(2);
    assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aSkippedSeqReleasesTheEntriesBehindIt() {
    publish(1);
    publish(3);
    inOrder.skip(ROOM, 2);

    assertThat(delivered).containsExactly(1L, 3L);
  }

  @Test
  void roomsDoNotWaitForEachOther() {
    publish(1);
    publish(3);
    inOrder.publish(entry(new RoomId("room-2"), 10), NOBODY);

    assertThat(delivered).containsExactly(1L, 10L);
  }

  @Test
  void anEntryOlderThanWhereTheRoomStartedGoesOutAtOnce() {
    publish(5);
    publish(4);

    assertThat(delivered).containsExactly(5L, 4L);
  }

  @Test
  void aRoomStopsWaitingForAMissingSeqOnceTooManyEntriesQueueBehindIt() {
    publish(1);
    long last = 2 + InOrderRoomDelivery.MAX_WAITING;
    LongStream.rangeClosed(3, last).forEach(this::publish);
    assertThat(delivered).containsExactly(1L);

    publish(last + 1);
    List<Long> expected = new ArrayList<>(List.of(1L));
    LongStream.rangeClosed(3, last + 1).forEach(expected::add);
    assertThat(delivered).containsExactlyElementsOf(expected);
  }

  @Test
  void aFailingDeliveryDoesNotHoldUpTheEntriesAfterIt() {
    InOrderRoomDelivery failingOnTwo =
        new InOrderRoomDelivery(
            new Delivery() {
              @Override
              public void deliver(ChatEvent event, Set<UserId> recipients) {
                long seq = ((MessageDeleted) event).seq();
                if (seq == 2) {
                  throw new IllegalStateException("socket layer failed");
                }
                delivered.add(seq);
              }

              @Override
              public void closeSessions(Set<SessionId> sessions) {}
            });
    failingOnTwo.publish(entry(ROOM, 1), NOBODY);
    failingOnTwo.publish(entry(ROOM, 3), NOBODY);
    failingOnTwo.publish(entry(ROOM, 2), NOBODY);

    assertThat(delivered).containsExactly(1L, 3L);
  }

  @Test
  void entriesPublishedByRacingThreadsAreDeliveredOnceEachInSeqOrder() throws Exception {
    int entries = 2_000;
    // Shuffled across the whole range, so the safety net must not cut in: no limit here.
    inOrder = new InOrderRoomDelivery(recording, Integer.MAX_VALUE);
    publish(0);
    List<Long> order = new ArrayList<>();
    LongStream.rangeClosed(1, entries).forEach(order::add);
    Collections.shuffle(order, new java.util.Random(42));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      IntStream.range(0, 8)
          .forEach(
              t ->
                  threads.execute(
                      () -> {
                        try {
                          start.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          return;
                        }
                        for (int i = t; i < order.size(); i += 8) {
                          publish(order.get(i));
                        }
                      }));
      start.countDown();
    } finally {
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(delivered)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, entries).boxed().toList());
  }
}
