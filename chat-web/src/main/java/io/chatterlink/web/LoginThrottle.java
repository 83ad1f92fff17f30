package io.chatterlink.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code perAccount} failed logins for one username, or {@code
 * perAddress} from one client address, within the window, further attempts are refused without
 * checking the password until the oldest of those failures is a window old. A successful login
 * clears the username's failures (not the address's). Unknown usernames count exactly like known
 * ones, so the throttle reveals nothing about which accounts exist.
 */
final class LoginThrottle {
  /**
   * Most keys remembered per kind; past it, expired entries are dropped first, then the map is
   * cleared, so memory stays bounded whatever an attacker sends.
   */
  static final int MAX_TRACKED_KEYS = 100_000;

  private final FailureLog accounts;
  private final FailureLog addresses;

  LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
    this.accounts = new FailureLog(perAccount, window, clock);
    this.addresses = new FailureLog(perAddress, window, clock);
  }

  /**
   * @throws RetryLaterException when the account or the address is throttled
   */
  void checkAllowed(String account, String address) {
    long wait =
        Math.max(accounts.secondsUntilAllowed(account), addresses.secondsUntilAllowed(address));
    if (wait > 0) {
      throw new RetryLaterException("too many failed logins; try again later", wait);
    }
  }

  void failed(String account, String address) {
    accounts.record(account);
    addresses.record(address);
  }

  void succeeded(String account) {
    accounts.clear(account);
  }

  /** The latest failures per key, at most {@code limit} of them. */
  private static final class FailureLog {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailureLog(int limit, Duration window, Clock clock) {
      this.limit = limit;
      this.window = window;
      this.clock = clock;
    }

    long secondsUntilAllowed(String key) {
      Deque<Instant> log = failures.get(key);
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
      if (failures.size() >= MAX_TRACKED_KEYS) {
        evict();
      }
      Deque<Instant> log = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (log) {
        log.addLast(clock.instant());
        while (log.size() > limit) {
          log.removeFirst();
        }
      }
    }

    void clear(String key) {
      failures.remove(key);
    }

    private void evict() {
      Instant cutoff = clock.instant().minus(window);
      failures
          .values()
          .removeIf(
              log -> {
                synchronized (log) {
                  return log.isEmpty() || log.peekLast().isBefore(cutoff);
                }
              });
      if (failures.size() >= MAX_TRACKED_KEYS) {
        failures.clear();
      }
    }

    private static long divideRoundingUp(long a, long b) {
      return (a + b - 1) / b;
    }
  }
}
