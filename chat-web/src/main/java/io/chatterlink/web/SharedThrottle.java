package io.chatterlink.web;

import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.RateWindows.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One throttle over {@link RateWindows}: at most {@code limit} attempts per key within {@code
 * window}, counted by every server process on the same store (the registration throttle per client
 * address, the search throttle per user). An attempt is checked and counted in one atomic step, so
 * parallel attempts through several nodes never pass the limit; refused attempts do not count. Keys
 * are kept apart by the throttle's name, and a long key is stored as its digest. Expired events are
 * pruned at most once per {@link #PRUNE_INTERVAL} by each throttle of each process.
 */
final class SharedThrottle {
  /** Least time between two prunes by one throttle. */
  static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

  /** Longest key kept as it is; longer ones are digested. */
  private static final int MAX_KEY_PART = 64;

  private final String name;
  private final RateWindows store;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  SharedThrottle(String name, RateWindows store, int limit, Duration window, Clock clock) {
    this.name = name;
    this.store = store;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Counts one attempt under {@code key}.
   *
   * @throws RetryLaterException with {@code refusal} as its message and the seconds until the
   *     oldest counted attempt leaves the window, when the key is at its limit
   */
  void acquire(String key, String refusal) {
    Instant now = clock.instant();
    RateWindows.Decision decision = store.acquire(storedKey(key), limit, window, now);
    pruneIfDue(now);
    if (decision instanceof Refused refused) {
      long millis = Duration.between(now, refused.retryAt()).toMillis();
      throw new RetryLaterException(refusal, (millis + 999) / 1000);
    }
  }

  private String storedKey(String key) {
    String part = key.length() <= MAX_KEY_PART ? key : "sha256:" + DeviceCookie.digest(key);
    return name + ":" + part;
  }

  private void pruneIfDue(Instant now) {
    Instant last = lastPrune.get();
    if (Duration.between(last, now).compareTo(PRUNE_INTERVAL) >= 0
        && lastPrune.compareAndSet(last, now)) {
      store.prune(now);
    }
  }
}
