package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.LoginAttempts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed logins and trusted devices in maps behind one lock: for tests and for a single process. At
 * most {@value #MAX_KEYS} failure keys are kept; past that the oldest-written half is forgotten, so
 * memory stays bounded whatever an attacker sends (a database store has no such bound and relies on
 * {@link #prune}).
 */
final class InMemoryLoginAttempts implements LoginAttempts {
  /** Most failure keys remembered. */
  static final int MAX_KEYS = 100_000;

  /** In insertion order of their first failure, so that the oldest keys go first. */
  private final Map<String, List<Instant>> failures = new LinkedHashMap<>();

  private final Map<String, Instant> trusted = new HashMap<>();

  @Override
  public synchronized void recordFailure(Set<String> keys, Instant at) {
    keys.forEach(InMemoryLoginAttempts::requireKey);
    if (failures.size() + keys.size() > MAX_KEYS) {
      forgetOldestHalf();
    }
    for (String key : keys) {
      failures.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
    }
  }

  @Override
  public synchronized List<Instant> recentFailures(String key, Instant since, int limit) {
    requireKey(key);
    Checks.requirePositiveLimit(limit);
    return failures.getOrDefault(key, List.of()).stream()
        .filter(at -> !at.isBefore(since))
        .sorted(Comparator.reverseOrder())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void clearFailures(String key) {
    requireKey(key);
    failures.remove(key);
  }

  @Override
  public synchronized void trustDevice(String account, String device, Instant expiresAt) {
    trusted.put(pair(account, device), expiresAt);
  }

  @Override
  public synchronized boolean isTrusted(String account, String device, Instant now) {
    Instant expires = trusted.get(pair(account, device));
    return expires != null && expires.isAfter(now);
  }

  @Override
  public synchronized int prune(Instant failedBefore, Instant now) {
    int deleted = 0;
    for (var it = failures.values().iterator(); it.hasNext(); ) {
      List<Instant> instants = it.next();
      int before = instants.size();
      instants.removeIf(at -> at.isBefore(failedBefore));
      deleted += before - instants.size();
      if (instants.isEmpty()) {
        it.remove();
      }
    }
    int devices = trusted.size();
    trusted.values().removeIf(expires -> !expires.isAfter(now));
    return deleted + devices - trusted.size();
  }

  private void forgetOldestHalf() {
    var it = failures.keySet().iterator();
    for (int i = failures.size() / 2; i > 0 && it.hasNext(); i--) {
      it.next();
      it.remove();
    }
  }

  private static String pair(String account, String device) {
    requireKey(account);
    requireKey(device);
    return account + '\n' + device;
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a login throttle key is 1 to " + MAX_KEY_LENGTH + " characters, not blank");
    }
  }
}
