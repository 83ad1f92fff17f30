package io.chatterlink.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts recent events per key (registration attempts per address, in this process) and says how
 * long a key must wait once it had {@code limit} events within the window. Only the latest {@code
 * limit} instants are kept per key, and at most {@link #MAX_TRACKED_KEYS} keys: past that, keys
 * whose events all expired are dropped first, then the table is reset, so memory stays bounded
 * whatever an attacker sends.
 */
final class EventWindow {
  /** Most keys remembered by one window. */
  static final int MAX_TRACKED_KEYS = 100_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

  EventWindow(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  long secondsUntilAllowed(String key) {
    Deque<Instant> log = events.get(key);
    if (log == null) {
      return 0;
    }
    synchronized (log) {
      if (log.size() < limit) {
        return 0;
      }
      Duration left = Duration.between(clock.instant(), log.peekFirst().plus(window));
      return left.isNegative() || left.isZero() ? 0 : divideRoundingUp(left.toMillis(), 1000);
    }
  }

  void record(String key) {
    if (events.size() >= MAX_TRACKED_KEYS) {
      evict();
    }
    Deque<Instant> log = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (log) {
      log.addLast(clock.instant());
      while (log.size() > limit) {
        log.removeFirst();
      }
    }
  }

  void clear(String key) {
    events.remove(key);
  }

  private void evict() {
    Instant cutoff = clock.instant().minus(window);
    events
        .values()
        .removeIf(
            log -> {
              synchronized (log) {
                return log.isEmpty() || log.peekLast().isBefore(cutoff);
              }
            });
    if (events.size() >= MAX_TRACKED_KEYS) {
      events.clear();
    }
  }

  private static long divideRoundingUp(long a, long b) {
    return (a + b - 1) / b;
  }
}
