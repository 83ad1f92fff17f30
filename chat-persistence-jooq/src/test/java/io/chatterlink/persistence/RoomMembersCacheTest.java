package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cache on its own, with loaders standing in for the database query: what it serves, what a
 * write drops, the race between a slow read and a write (made deterministic with latches), and its
 * bounds.
 */
class RoomMembersCacheTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final RoomMembersCache cache = new RoomMembersCache();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void aSecondReadIsServedWithoutLoading() {
    List<Membership> first = cache.members("r", counted(members("r", 3)));
    List<Membership> second = cache.members("r", counted(members("r", 3)));

    assertThat(second).isEqualTo(first).hasSize(3);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aWriteDropsTheRoomsListAndLeavesOtherRoomsCached() {
    cache.members("r", counted(members("r", 3)));
    cache.members("other", counted(members("other", 1)));

    cache.write("r", () -> true);

    assertThat(cache.members("r", counted(members("r", 4)))).hasSize(4);
    cache.members("other", counted(members("other", 1)));
    assertThat(loads).hasValue(3);
  }

  @Test
  void aFailedWriteDropsTheListToo() {
    cache.members("r", counted(members("r", 3)));

    assertThatThrownBy(
            () ->
                cache.write(
                    "r",
                    () -> {
                      throw new IllegalStateException("database gone");
                    },
                    (result, cached) -> cached))
        .isInstanceOf(IllegalStateException.class);

    cache.members("r", counted(members("r", 3)));
    assertThat(loads).hasValue(2);
  }

  @Test
  void anUpdatingWriteReplacesTheCachedListInsteadOfDroppingIt() {
    cache.members("r", counted(members("r", 2)));

    cache.write("r", () -> 5L, (seq, cached) -> withMarker(cached, seq));

    assertThat(cache.members("r", counted(members("r", 2))))
        .extracting(Membership::lastReadSeq)
        .containsExactly(5L, 5L);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aReadThatLoadedBeforeAWriteEndedDoesNotStoreWhatItRead() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch finishLoading = new CountDownLatch(1);
    CompletableFuture<List<Membership>> slowRead =
        CompletableFuture.supplyAsync(
            () ->
                cache.members(
                    "r",
                    () -> {
                      loading.countDown();
                      await(finishLoading);
                      return members("r", 2); // read before the write below committed
                    }));
    await(loading);

    cache.write("r", () -> true); // adds a third member, begun and ended during the slow read
    finishLoading.countDown();

    assertThat(slowRead.get(10, TimeUnit.SECONDS)).hasSize(2);
    assertThat(cache.members("r", counted(members("r", 3)))).hasSize(3);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aChangeElsewhereDropsTheRoomsListAndLeavesOtherRoomsCached() {
    cache.members("r", counted(members("r", 3)));
    cache.members("other", counted(members("other", 1)));

    cache.changedElsewhere("r");

    assertThat(cache.cached("r")).isEmpty();
    assertThat(cache.cachedMemberships()).isEqualTo(1);
    assertThat(cache.members("r", counted(members("r", 4)))).hasSize(4);
    cache.members("other", counted(members("other", 1)));
    assertThat(loads).hasValue(3);
  }

  @Test
  void aReadThatLoadedBeforeAChangeElsewhereWasAnnouncedDoesNotStoreWhatItRead() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch finishLoading = new CountDownLatch(1);
    CompletableFuture<List<Membership>> slowRead =
        CompletableFuture.supplyAsync(
            () ->
                cache.members(
                    "r",
                    () -> {
                      loading.countDown();
                      await(finishLoading);
                      return members("r", 2); // read before another process added a member
                    }));
    await(loading);

    cache.changedElsewhere("r");
    finishLoading.countDown();

    assertThat(slowRead.get(10, TimeUnit.SECONDS)).hasSize(2);
    assertThat(cache.cached("r")).isEmpty();
    assertThat(cache.members("r", counted(members("r", 3)))).hasSize(3);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aChangeElsewhereOfAnUncachedRoomCachesNothing() {
    cache.changedElsewhere("never-read");

    assertThat(cache.cachedRooms()).isZero();
    assertThat(cache.members("never-read", counted(members("never-read", 1)))).hasSize(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void aReadDuringAWriteGoesToTheDatabaseAndStoresNothing() throws Exception {
    cache.members("r", counted(members("r", 2)));
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finishWriting = new CountDownLatch(1);
    CompletableFuture<Boolean> write =
        CompletableFuture.supplyAsync(
            () ->
                cache.write(
                    "r",
                    () -> {
                      writing.countDown();
                      await(finishWriting);
                      return true;
                    }));
    await(writing);

    // The write may have committed already: neither the old list nor this read may be kept.
    cache.members("r", counted(members("r", 3)));
    cache.members("r", counted(members("r", 3)));
    finishWriting.countDown();
    write.get(10, TimeUnit.SECONDS);
    cache.members("r", counted(members("r", 3)));
    cache.members("r", counted(members("r", 3)));

    assertThat(loads).hasValue(4); // the first read, both reads during the write, one after
  }

  @Test
  void aCachedListIsOfferedOnlyWhenNoWriteToItsRoomIsInProgress() throws Exception {
    assertThat(cache.cached("r")).isEmpty();
    cache.members("r", counted(members("r", 2)));
    assertThat(cache.cached("r")).hasValueSatisfying(list -> assertThat(list).hasSize(2));
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finishWriting = new CountDownLatch(1);
    CompletableFuture<Long> write =
        CompletableFuture.supplyAsync(
            () ->
                cache.write(
                    "r",
                    () -> {
                      writing.countDown();
                      await(finishWriting);
                      return 5L;
                    },
                    (seq, cached) -> withMarker(cached, seq)));
    await(writing);

    assertThat(cache.cached("r")).isEmpty();
    finishWriting.countDown();
    write.get(10, TimeUnit.SECONDS);

    assertThat(cache.cached("r").orElseThrow())
        .extracting(Membership::lastReadSeq)
        .containsExactly(5L, 5L);
    assertThat(loads).hasValue(1);
  }

  @Test
  void pastMaxRoomsTheLeastRecentlyReadRoomIsDropped() {
    RoomMembersCache small = new RoomMembersCache(3, 1_000);
    for (String room : List.of("a", "b", "c")) {
      small.members(room, counted(members(room, 1)));
    }
    small.members("a", counted(members("a", 1))); // now "b" is the least recently read

    small.members("d", counted(members("d", 1)));

    assertThat(small.cachedRooms()).isEqualTo(3);
    assertThat(loads).hasValue(4);
    for (String room : List.of("a", "c", "d")) {
      small.members(room, counted(members(room, 1)));
    }
    assertThat(loads).hasValue(4);
    small.members("b", counted(members("b", 1)));
    assertThat(loads).hasValue(5);
  }

  @Test
  void pastMaxMembershipsRoomsAreDroppedAndAnOversizedRoomIsNeverKept() {
    RoomMembersCache small = new RoomMembersCache(1_000, 5);
    small.members("a", counted(members("a", 3)));
    small.members("b", counted(members("b", 3)));

    assertThat(small.cachedMemberships()).isEqualTo(3);
    assertThat(small.cachedRooms()).isEqualTo(1);

    small.members("huge", counted(members("huge", 6)));
    small.members("huge", counted(members("huge", 6)));

    assertThat(small.cachedMemberships()).isLessThanOrEqualTo(5);
    assertThat(loads).hasValue(4);
  }

  @Test
  void theDefaultLimitsAreTheDocumentedOnes() {
    assertThat(RoomMembersCache.MAX_ROOMS).isEqualTo(1_024);
    assertThat(RoomMembersCache.MAX_MEMBERSHIPS).isEqualTo(65_536);
    IntStream.range(0, RoomMembersCache.MAX_ROOMS + 10)
        .forEach(i -> cache.members("r" + i, counted(members("r" + i, 1))));
    assertThat(cache.cachedRooms()).isEqualTo(RoomMembersCache.MAX_ROOMS);
  }

  private Supplier<List<Membership>> counted(List<Membership> result) {
    return () -> {
      loads.incrementAndGet();
      return result;
    };
  }

  private static List<Membership> members(String room, int count) {
    List<Membership> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(new Membership(new RoomId(room), new UserId("u" + i), Role.MEMBER, T0, 0));
    }
    return members;
  }

  private static List<Membership> withMarker(List<Membership> members, long seq) {
    return members.stream()
        .map(m -> new Membership(m.roomId(), m.userId(), m.role(), m.joinedAt(), seq))
        .toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
