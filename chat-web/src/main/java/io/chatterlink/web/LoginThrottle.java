package io.chatterlink.web;

import io.chatterlink.core.port.out.LoginAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Limits password guessing without letting a third party lock the owner out (OWASP's device
 * cookies). Failures are kept in {@link LoginAttempts}, so every server process on one database
 * counts the same ones. Within the window, an attempt is refused with {@link RetryLaterException}
 * before the password is checked when it has reached any of its limits:
 *
 * <ul>
 *   <li>from a device that signed in to this account before ({@link DeviceCookie}): {@code
 *       perAccountAndAddress} failures of that device on that account, nothing else, so guesses
 *       from elsewhere never block it;
 *   <li>from anyone else: {@code perAccountAndAddress} failures on this account from this address,
 *       {@code perAddress} failures from this address on any account, and {@code
 *       perAccountUntrusted} failures on this account from all unknown devices together.
 * </ul>
 *
 * <p>A success clears the failures of its (account, address) or (account, device) only. An IPv6
 * address counts by its /64 prefix (one subscriber's network). Unknown usernames count exactly like
 * existing ones. Two attempts checked at the same moment may both pass, so a burst of parallel
 * guesses can exceed a limit by the number in flight. Old failures and expired devices are pruned
 * at most once per {@link #PRUNE_INTERVAL} by each process.
 */
final class LoginThrottle {
  /** Least time between two prunes by one process. */
  static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

  /** Longest part (account, address) kept as it is in a key; longer ones are digested. */
  private static final int MAX_KEY_PART = 64;

  private final LoginAttempts store;
  private final LoginLimits limits;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  LoginThrottle(LoginAttempts store, LoginLimits limits, Clock clock) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * A login attempt as the throttle sees it.
   *
   * @param account the canonical username (or the typed one, trimmed, when it is not valid)
   * @param address the client address
   * @param deviceToken the device cookie the request presented, if any
   */
  record Attempt(String account, String address, Optional<String> deviceToken) {}

  /**
   * Refuses an attempt that reached a limit; otherwise returns whether it comes from a trusted
   * device, which the caller passes back to {@link #failed} or {@link #succeeded}.
   *
   * @throws RetryLaterException with the seconds until the oldest counted failure expires
   */
  boolean checkAllowed(Attempt attempt) {
    boolean trusted =
        attempt
            .deviceToken()
            .map(t -> store.isTrusted(part(attempt.account()), DeviceCookie.digest(t), now()))
            .orElse(false);
    Instant now = now();
    long wait = 0;
    for (Map.Entry<String, Integer> budget : budgets(attempt, trusted).entrySet()) {
      wait = Math.max(wait, secondsUntilAllowed(budget.getKey(), budget.getValue(), now));
    }
    if (wait > 0) {
      throw new RetryLaterException("too many failed logins; try again later", wait);
    }
    return trusted;
  }

  void failed(Attempt attempt, boolean trusted) {
    store.recordFailure(budgets(attempt, trusted).keySet(), now());
    pruneIfDue();
  }

  /**
   * Clears the failures of the attempt's (account, address) or (account, device), and trusts the
   * device whose cookie is {@code deviceToken} for the account until the trust lifetime ends.
   */
  void succeeded(Attempt attempt, boolean trusted, String deviceToken) {
    budgets(attempt, trusted).keySet().stream()
        .filter(key -> key.startsWith("pair:") || key.startsWith("device:"))
        .forEach(store::clearFailures);
    store.trustDevice(
        part(attempt.account()),
        DeviceCookie.digest(deviceToken),
        now().plus(limits.trustedDeviceLifetime()));
    pruneIfDue();
  }

  private Map<String, Integer> budgets(Attempt attempt, boolean trusted) {
    String account = part(attempt.account());
    Map<String, Integer> budgets = new LinkedHashMap<>();
    if (trusted) {
      String device = DeviceCookie.digest(attempt.deviceToken().orElseThrow());
      budgets.put("device:" + device + "|" + account, limits.perAccountAndAddress());
      return budgets;
    }
    String address = part(ClientAddresses.networkOf(attempt.address()));
    budgets.put("pair:" + account + "|" + address, limits.perAccountAndAddress());
    budgets.put("address:" + address, limits.perAddress());
    budgets.put("account:" + account, limits.perAccountUntrusted());
    return budgets;
  }

  private long secondsUntilAllowed(String key, int limit, Instant now) {
    List<Instant> recent = store.recentFailures(key, now.minus(limits.window()), limit);
    if (recent.size() < limit) {
      return 0;
    }
    Duration left = Duration.between(now, recent.get(limit - 1).plus(limits.window()));
    return left.isNegative() || left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
  }

  private void pruneIfDue() {
    Instant now = now();
    Instant last = lastPrune.get();
    if (Duration.between(last, now).compareTo(PRUNE_INTERVAL) >= 0
        && lastPrune.compareAndSet(last, now)) {
      store.prune(now.minus(limits.window()), now);
    }
  }

  /** A key part short enough for the store: as it is, or its digest when it is long. */
  private static String part(String value) {
    return value.length() <= MAX_KEY_PART ? value : "sha256:" + DeviceCookie.digest(value);
  }

  private Instant now() {
    return clock.instant();
  }
}
