package io.chatterlink.core;

import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands a room's log entries to {@link Delivery} in seq order, one at a time.
 *
 * <p>Sends committed in one group are acknowledged together, and their threads race to deliver: a
 * transport would see seq 7 before seq 6 and have to hold it for every recipient connection. Here
 * an entry that arrives early waits, once, until its predecessors are out; whichever thread finds
 * the next seq delivers it and everything that queued up behind it, so no thread waits for another
 * and no lock is held while delivering.
 *
 * <p>Every seq handed out by the store must come back through {@link #publish} or {@link #skip}
 * (the callers guarantee it), or the room's later entries would wait; as a safety net, a room that
 * holds more than {@link #MAX_WAITING} entries ({@link #CLUSTER_MAX_WAITING} in a cluster) gives up
 * on the missing one. The first entry seen for a room sets where it starts; an entry older than
 * that (or than a gap given up on) goes out at once, and the transport's own gap handling deals
 * with it.
 */
final class InOrderRoomDelivery {
  /** Entries a room may hold behind a missing seq before it stops waiting for that seq. */
  static final int MAX_WAITING = 256;

  /** The same bound on a node of a cluster, where a log read brings the missing entry. */
  static final int CLUSTER_MAX_WAITING = 10_000;

  private static final System.Logger LOG = System.getLogger("io.chatterlink.core");

  private final Delivery delivery;
  private volatile int maxWaiting;
  private final Map<RoomId, Line> lines = new ConcurrentHashMap<>();
  private volatile Consumer<RoomId> onHeldBack = room -> {};
  private volatile boolean dropRepeats;

  InOrderRoomDelivery(Delivery delivery) {
    this(delivery, MAX_WAITING);
  }

  InOrderRoomDelivery(Delivery delivery, int maxWaiting) {
    this.delivery = delivery;
    this.maxWaiting = maxWaiting;
  }

  /**
   * Calls {@code listener} (outside any lock) whenever a room's entries are left waiting behind a
   * missing seq. On one node the missing entry is on its way from a racing thread; in a cluster it
   * may have been committed by another node, and the listener fetches it from the log.
   */
  void onHeldBack(Consumer<RoomId> listener) {
    this.onHeldBack = listener;
  }

  /**
   * From now on an entry that arrives again after its room's line passed it is dropped, not sent:
   * in a cluster the log reads of {@link RoomFills} may bring an entry that this node's own commit
   * brings too. (On one node every seq arrives once, so nothing is ever dropped there.)
   */
  void dropRepeats() {
    this.dropRepeats = true;
    // The log always has the missing entry (commit order is seq order), so a line waits longer.
    this.maxWaiting = Math.max(maxWaiting, CLUSTER_MAX_WAITING);
  }

  /** The rooms whose line saw an entry within {@code window}, for a periodic check of the log. */
  Set<RoomId> roomsActiveWithin(Duration window) {
    long since = System.nanoTime() - window.toNanos();
    Set<RoomId> active = new HashSet<>();
    lines.forEach(
        (room, line) -> {
          if (line.lastArrival - since > 0) {
            active.add(room);
          }
        });
    return active;
  }

  /** The seq the room's line waits for next; empty if no entry of the room was seen yet. */
  OptionalLong expected(RoomId room) {
    Line line = lines.get(room);
    if (line == null) {
      return OptionalLong.empty();
    }
    synchronized (line) {
      return line.next < 0 ? OptionalLong.empty() : OptionalLong.of(line.next);
    }
  }

  /**
   * Tells the room's line that {@code seq} was committed, before its entry is built: the first seq
   * a line hears of is where it starts, so a caller that finishes entries on several threads calls
   * this in commit order (cheaply, on the thread that learns of the commits) and the line then
   * waits for that entry instead of starting after it.
   */
  void committed(RoomId room, long seq) {
    Line line = line(room);
    synchronized (line) {
      if (line.next < 0) {
        line.next = seq;
        line.start = seq;
      }
    }
  }

  /** Delivers {@code event} to {@code recipients} after the room's earlier entries. */
  void publish(SequencedEvent event, Set<UserId> recipients) {
    line(event.roomId())
        .arrive(event.roomId(), event.seq(), () -> delivery.deliver(event, recipients));
  }

  /** The entry {@code seq} of {@code room} will not be delivered: do not wait for it. */
  void skip(RoomId room, long seq) {
    line(room).arrive(room, seq, () -> {});
  }

  private Line line(RoomId room) {
    return lines.computeIfAbsent(room, r -> new Line());
  }

  /** One room's entries waiting for their turn. */
  private final class Line {
    private final Map<Long, Runnable> waiting = new HashMap<>();
    private long next = -1;
    private long start = -1;
    private boolean draining;
    private volatile long lastArrival = System.nanoTime();

    void arrive(RoomId room, long seq, Runnable send) {
      if (dropRepeats) {
        lastArrival = System.nanoTime(); // only a cluster's periodic log check asks for it
      }
      synchronized (this) {
        if (next < 0) {
          next = seq;
          start = seq;
        }
        if (seq < next && seq >= start && dropRepeats) {
          return; // handed out already
        }
        if (seq >= next) {
          waiting.put(seq, send);
          if (draining) {
            return; // the thread draining this room will send it
          }
          draining = true;
          send = null;
        }
      }
      if (send != null) {
        run(send); // older than where this room's line starts: nothing to wait for
        return;
      }
      drain(room);
    }

    private void drain(RoomId room) {
      while (true) {
        Runnable send;
        boolean heldBack;
        synchronized (this) {
          send = waiting.remove(next);
          if (send == null && waiting.size() > maxWaiting) {
            next = waiting.keySet().stream().mapToLong(Long::longValue).min().getAsLong();
            start = next; // what was given up on goes out at once if it still comes
            send = waiting.remove(next);
          }
          if (send == null) {
            draining = false;
            heldBack = !waiting.isEmpty();
          } else {
            heldBack = false;
            next++;
          }
        }
        if (send == null) {
          if (heldBack) {
            onHeldBack.accept(room);
          }
          return;
        }
        run(send);
      }
    }
  }

  private static void run(Runnable send) {
    try {
      send.run();
    } catch (RuntimeException e) {
      // The entry is stored; a recipient that missed it finds it when it resyncs.
      LOG.log(System.Logger.Level.ERROR, "delivering a log entry failed", e);
    }
  }
}
