package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Pushes of one connection that arrived ahead of a gap in their room's seq, held until the missing
 * ones arrive. Sends that are committed together are delivered by racing threads, so a push often
 * overtakes its predecessor by microseconds; holding it is far cheaper than replaying the log from
 * the database for every connection of the room. A gap that stays open for {@link #GRACE}, or a
 * room holding more than {@link #MAX_FRAMES_PER_ROOM}, is handed back to the log replay.
 *
 * <p>Not thread-safe: only the connection's pump touches it.
 */
public final class EarlyFrames {
  /** Most pushes held per room before the gap is filled from the log instead. */
  public static final int MAX_FRAMES_PER_ROOM = 64;

  /** Longest a gap may stay open before it is filled from the log. */
  public static final Duration GRACE = Duration.ofMillis(100);

  private final Map<RoomId, TreeMap<Long, OutboundFrame>> byRoom = new HashMap<>();
  private final Map<RoomId, Long> waitingSince = new HashMap<>();

  /**
   * Holds the push {@code seq} of {@code room}.
   *
   * @return false when the room already holds {@link #MAX_FRAMES_PER_ROOM}: nothing was held
   */
  public boolean hold(RoomId room, long seq, OutboundFrame frame, long nowNanos) {
    TreeMap<Long, OutboundFrame> held = byRoom.computeIfAbsent(room, r -> new TreeMap<>());
    if (held.size() >= MAX_FRAMES_PER_ROOM) {
      return false;
    }
    held.put(seq, frame);
    waitingSince.putIfAbsent(room, nowNanos);
    return true;
  }

  /**
   * Removes and returns, in seq order, the held pushes of {@code room} that follow {@code lastSeq}
   * without a gap; held pushes at or below {@code lastSeq} are dropped.
   */
  public List<OutboundFrame> releaseAfter(RoomId room, long lastSeq) {
    TreeMap<Long, OutboundFrame> held = byRoom.get(room);
    if (held == null) {
      return List.of();
    }
    held.headMap(lastSeq, true).clear();
    List<OutboundFrame> released = new ArrayList<>();
    long next = lastSeq + 1;
    while (!held.isEmpty() && held.firstKey() == next) {
      released.add(held.pollFirstEntry().getValue());
      next++;
    }
    if (held.isEmpty()) {
      forget(room);
    }
    return released;
  }

  /** Drops whatever is held for {@code room} (a replay from the log covers it, or it is gone). */
  public void forget(RoomId room) {
    byRoom.remove(room);
    waitingSince.remove(room);
  }

  public boolean isEmpty() {
    return byRoom.isEmpty();
  }

  /** A room whose gap has been open for at least {@link #GRACE}. */
  public Optional<RoomId> overdue(long nowNanos) {
    if (waitingSince.isEmpty()) {
      return Optional.empty(); // the usual case, asked for every batch: no stream, no garbage
    }
    long grace = GRACE.toNanos();
    return waitingSince.entrySet().stream()
        .filter(e -> nowNanos - e.getValue() >= grace)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Nanoseconds until the oldest open gap becomes overdue (0 if one already is); empty if none. */
  public OptionalLong nanosUntilOverdue(long nowNanos) {
    if (waitingSince.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong oldest = waitingSince.values().stream().mapToLong(Long::longValue).min();
    return oldest.isPresent()
        ? OptionalLong.of(Math.max(0, oldest.getAsLong() + GRACE.toNanos() - nowNanos))
        : OptionalLong.empty();
  }
}
