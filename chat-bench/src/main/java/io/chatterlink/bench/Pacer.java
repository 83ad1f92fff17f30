package io.chatterlink.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Open loop: one thread sends each sender's messages on a fixed schedule. A message is stamped with
 * the time it was <em>due</em>, not the time it went out, and a late pacer catches up at once, so a
 * stalled generator shows as latency instead of hiding it (no coordinated omission). How late the
 * pacer ran is kept too: a large send lag means the generator, not the server, fell behind.
 */
final class Pacer implements Runnable {
  /** The pacer never sleeps longer than this, so stop() takes effect quickly. */
  private static final long MAX_PARK_NANOS = 5_000_000;

  private final List<Sender> senders;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final Histogram sendLagMicros = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
  private volatile boolean stopped;

  Pacer(List<Sender> senders, double ratePerSender, LongSupplier clock) {
    this.senders = List.copyOf(senders);
    this.intervalNanos = Math.max(1, Math.round(1e9 / ratePerSender));
    this.clock = clock;
  }

  @Override
  public void run() {
    long start = clock.getAsLong();
    long[] due = new long[senders.size()];
    for (int i = 0; i < due.length; i++) {
      // spread the senders evenly over one interval
      due[i] = start + intervalNanos * i / Math.max(1, due.length);
    }
    while (!stopped) {
      long now = clock.getAsLong();
      long earliest = Long.MAX_VALUE;
      for (int i = 0; i < due.length; i++) {
        while (due[i] <= now) {
          sendLagMicros.recordValue(Math.min((now - due[i]) / 1_000, Tally.HIGHEST_LATENCY_MICROS));
          senders.get(i).sendAt(due[i], false);
          due[i] += intervalNanos;
        }
        earliest = Math.min(earliest, due[i]);
      }
      LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, Math.max(0, earliest - clock.getAsLong())));
    }
  }

  void stop() {
    stopped = true;
  }

  /** How late messages went out compared with their schedule; read after the pacer stopped. */
  Histogram sendLagMicros() {
    return sendLagMicros;
  }
}
