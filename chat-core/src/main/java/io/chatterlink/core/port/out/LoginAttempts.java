package io.chatterlink.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the login throttle remembers, kept where every server process sees it (the database), so
 * that a guesser cannot spread attempts over nodes: failed logins under throttle keys chosen by the
 * caller (an account and address, an address, an account, a trusted device), and the devices that
 * signed in to an account before (OWASP's device cookies), by a digest of their cookie.
 *
 * <p>Keys, accounts and device digests are non-blank strings of at most {@value #MAX_KEY_LENGTH}
 * characters; anything else is refused with {@link IllegalArgumentException}. Nothing is kept for
 * ever: the caller prunes with {@link #prune}.
 */
public interface LoginAttempts {
  /** Longest key, account or device digest accepted. */
  int MAX_KEY_LENGTH = 200;

  /** Records one failed login at {@code at} under each of {@code keys}. */
  void recordFailure(Set<String> keys, Instant at);

  /**
   * The instants of the newest failures recorded under {@code key} at or after {@code since},
   * newest first, at most {@code limit} of them.
   *
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  List<Instant> recentFailures(String key, Instant since, int limit);

  /** Forgets every failure recorded under {@code key}; nothing happens if there is none. */
  void clearFailures(String key);

  /**
   * Remembers that the device whose cookie digests to {@code device} signed in to {@code account},
   * until {@code expiresAt}; a later call for the same pair replaces the expiry.
   */
  void trustDevice(String account, String device, Instant expiresAt);

  /** Whether {@code device} is trusted for {@code account} at {@code now} (before its expiry). */
  boolean isTrusted(String account, String device, Instant now);

  /**
   * Deletes the failures recorded before {@code failedBefore} and the devices whose trust expired
   * at or before {@code now}.
   *
   * @return how many records were deleted
   */
  int prune(Instant failedBefore, Instant now);
}
