package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.RateWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sliding windows in a map behind one lock: for tests and for a single process. At most {@value
 * #MAX_KEYS} keys are kept; past that, keys whose events all expired go first, then the
 * oldest-written half, so memory stays bounded whatever an attacker sends (a database store relies
 * on {@link #prune} instead).
 */
final class InMemoryRateWindows implements RateWindows {
  /** Most keys remembered. */
  static final int MAX_KEYS = 100_000;

  /** Per key, the expiry of each counted event, oldest first; keys in order of first use. */
  private final Map<String, Deque<Instant>> windows = new LinkedHashMap<>();

  @Override
  public synchronized Decision acquire(String key, int limit, Duration window, Instant now) {
    RateWindowChecks.require(key, limit, window);
    Deque<Instant> expiries = windows.get(key);
    if (expiries == null) {
      if (windows.size() >= MAX_KEYS) {
        makeRoom(now);
      }
      expiries = new ArrayDeque<>();
      windows.put(key, expiries);
    }
    while (!expiries.isEmpty() && !expiries.peekFirst().isAfter(now)) {
      expiries.removeFirst();
    }
    if (expiries.size() >= limit) {
      // The newest `limit` events are what keep the key at its limit; the oldest of them frees it.
      Iterator<Instant> newestFirst = expiries.descendingIterator();
      Instant retryAt = now;
      for (int i = 0; i < limit; i++) {
        retryAt = newestFirst.next();
      }
      return new Refused(retryAt);
    }
    expiries.addLast(now.plus(window));
    return new Admitted(expiries.size());
  }

  @Override
  public synchronized int prune(Instant now) {
    int deleted = 0;
    for (Iterator<Deque<Instant>> it = windows.values().iterator(); it.hasNext(); ) {
      Deque<Instant> expiries = it.next();
      while (!expiries.isEmpty() && !expiries.peekFirst().isAfter(now)) {
        expiries.removeFirst();
        deleted++;
      }
      if (expiries.isEmpty()) {
        it.remove();
      }
    }
    return deleted;
  }

  private void makeRoom(Instant now) {
    prune(now);
    Iterator<String> oldest = windows.keySet().iterator();
    for (int i = windows.size() >= MAX_KEYS ? windows.size() / 2 : 0; i > 0; i--) {
      oldest.next();
      oldest.remove();
    }
  }
}
