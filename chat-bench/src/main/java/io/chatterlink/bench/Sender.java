package io.chatterlink.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One sending client. In closed loop it keeps {@code window} messages in flight: each time one of
 * its own messages comes back to it (the server delivers to the sender too), it sends the next. In
 * open loop the {@link Pacer} calls {@link #sendAt} on schedule.
 */
final class Sender {
  private final int index;
  private final BenchConnection connection;
  private final String roomId;
  private final int members;
  private final int messageBytes;
  private final Tally tally;
  private final LongSupplier clock;

  /** clientMessageIds must be unique per user, and users are shared by clients and by runs. */
  private final String clientMessageIdPrefix;

  private final AtomicLong nextSeq = new AtomicLong();

  /** Closed loop: seq of each message in flight, with its send time. */
  private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();

  private volatile boolean stopped;

  Sender(
      int index,
      BenchConnection connection,
      String roomId,
      int members,
      int messageBytes,
      Tally tally,
      LongSupplier clock) {
    this.index = index;
    this.connection = connection;
    this.roomId = roomId;
    this.members = members;
    this.messageBytes = messageBytes;
    this.tally = tally;
    this.clock = clock;
    this.clientMessageIdPrefix = "jb" + ProcessHandle.current().pid() + "-" + index + "-";
  }

  int index() {
    return index;
  }

  /** Closed loop: fills the window. */
  void startClosedLoop(int window) {
    for (int i = 0; i < window; i++) {
      sendAt(clock.getAsLong(), true);
    }
  }

  /** Sends one message stamped {@code sentNanos}; in closed loop it occupies a window slot. */
  void sendAt(long sentNanos, boolean closedLoop) {
    long seq = nextSeq.getAndIncrement();
    if (closedLoop) {
      inFlight.put(seq, sentNanos);
    }
    String text = new Payload(index, seq, sentNanos).encode(messageBytes);
    tally.sent(sentNanos, members);
    connection.send(
        roomId,
        clientMessageIdPrefix + seq,
        text,
        reply -> {
          tally.error("reply_" + reply.code() + "_" + reply.error());
          if (closedLoop) {
            slotFreed(seq);
          }
        });
  }

  /** Closed loop: this sender's message {@code seq} came back; the next one goes. */
  void echoed(long seq) {
    slotFreed(seq);
  }

  /** Closed loop: frees slots older than {@code timeoutNanos} (lost messages) and refills them. */
  void expire(long timeoutNanos) {
    long now = clock.getAsLong();
    inFlight.forEach(
        (seq, sent) -> {
          if (now - sent > timeoutNanos && inFlight.remove(seq) != null) {
            tally.error("timeout");
            if (!stopped) {
              sendAt(clock.getAsLong(), true);
            }
          }
        });
  }

  void stop() {
    stopped = true;
  }

  private void slotFreed(long seq) {
    if (inFlight.remove(seq) != null && !stopped) {
      sendAt(clock.getAsLong(), true);
    }
  }
}
