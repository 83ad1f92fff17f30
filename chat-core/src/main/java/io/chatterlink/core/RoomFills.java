package io.chatterlink.core;

import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.MessageStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings another node's log entries to this node's connections: the log stays the record, the bus
 * only points at it. A room's entries committed elsewhere are read once per node (not per
 * connection), decrypted once, and handed to the same {@link InOrderRoomDelivery} line as this
 * node's own commits, so every connection sees the room's seqs in order, as on one node.
 *
 * <p>A read happens when a pointer says the room went past what this node handed out, when this
 * node's own entries wait behind a missing seq for {@link #GAP_WAIT} (it was committed elsewhere
 * and its pointer is late or lost), and in a periodic check of recently active rooms against the
 * log (a node that died between its commit and its pointer). Requests for a room coalesce while one
 * is queued. Everything runs on the one cluster thread.
 */
final class RoomFills {
  /** How long this node's entries may wait behind a missing seq before the log is read. */
  static final Duration GAP_WAIT = Duration.ofMillis(20);

  /** Entries read from the log at a time. */
  static final int BATCH = 200;

  private final InOrderRoomDelivery lines;
  private final MessageStore messages;
  private final MessageViews views;
  private final RoomAccess access;
  private final ScheduledExecutorService thread;
  private final Set<RoomId> queued = new HashSet<>();
  private final Map<RoomId, Long> awaited = new HashMap<>();
  private final AtomicLong reads = new AtomicLong();

  RoomFills(
      InOrderRoomDelivery lines,
      MessageStore messages,
      MessageViews views,
      RoomAccess access,
      ScheduledExecutorService thread) {
    this.lines = lines;
    this.messages = messages;
    this.views = views;
    this.access = access;
    this.thread = thread;
  }

  /** Another node committed the room's entries up to {@code seq}. */
  void advanced(RoomId room, long seq) {
    OptionalLong expected = lines.expected(room);
    if (expected.isPresent() && seq < expected.getAsLong()) {
      return; // handed out already
    }
    request(room, expected.isPresent() ? expected.getAsLong() - 1 : seq - 1);
  }

  /** This node's entries of the room wait behind a missing seq: read it if it stays missing. */
  void heldBack(RoomId room) {
    OptionalLong missing = lines.expected(room);
    if (missing.isEmpty() || Long.valueOf(missing.getAsLong()).equals(awaited.get(room))) {
      return; // a check for this seq is on its way
    }
    awaited.put(room, missing.getAsLong());
    thread.schedule(
        () -> {
          awaited.remove(room, missing.getAsLong());
          OptionalLong still = lines.expected(room);
          if (still.equals(missing)) {
            request(room, missing.getAsLong() - 1);
          }
        },
        GAP_WAIT.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** Compares the rooms active within {@code window} with the log; reads what went unannounced. */
  void recheck(Duration window) {
    for (RoomId room : lines.roomsActiveWithin(window)) {
      OptionalLong expected = lines.expected(room);
      if (expected.isPresent() && messages.lastSeq(room) >= expected.getAsLong()) {
        request(room, expected.getAsLong() - 1);
      }
    }
  }

  /** The rooms whose entries this node handled within {@code window}. */
  Set<RoomId> activeRooms(Duration window) {
    return lines.roomsActiveWithin(window);
  }

  /** Log reads so far, for metrics and for the test that counts them. */
  long reads() {
    return reads.get();
  }

  private void request(RoomId room, long after) {
    if (queued.add(room)) {
      thread.execute(() -> read(room, after));
    }
  }

  private void read(RoomId room, long hint) {
    queued.remove(room);
    OptionalLong expected = lines.expected(room);
    long after = expected.isPresent() ? Math.max(hint, expected.getAsLong() - 1) : hint;
    reads.incrementAndGet();
    List<LogEntry> entries = messages.entriesAfter(room, after, BATCH);
    if (entries.isEmpty()) {
      return;
    }
    // The members now, read after the entries: a member removed before an entry was written is
    // not sent it (the removal's signal dropped the cached members first).
    Set<UserId> recipients = access.memberIds(room);
    for (LogEntry entry : entries) {
      lines.publish(LogEvents.toEvent(views, entry), recipients);
    }
    if (entries.size() == BATCH) {
      request(room, entries.get(entries.size() - 1).seq());
    }
  }
}
