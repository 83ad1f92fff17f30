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

  /**
   * Records one failed login at {@code at} under each of {@code keys}, in one write.
   *
   * @param keys the throttle keys the failure counts against; may be empty (nothing is written)
   * @param at when the login failed
   * @throws IllegalArgumentException if a key, account or device is blank or longer than {@link
   *     #MAX_KEY_LENGTH}
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void recordFailure(Set<String> keys, Instant at);

  /**
   * The instants of the newest failures recorded under {@code key} at or after {@code since},
   * newest first, at most {@code limit} of them.
   *
   * @param key the throttle key
   * @param since the inclusive start of the window
   * @param limit most instants wanted (the throttle asks for one more than it allows)
   * @return the failure times, newest first
   * @throws IllegalArgumentException if {@code limit} is below 1, or the key is blank or too long
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<Instant> recentFailures(String key, Instant since, int limit);

  /**
   * Forgets every failure recorded under {@code key} (after a successful login); nothing happens if
   * there is none.
   *
   * @param key the throttle key
   * @throws IllegalArgumentException if a key, account or device is blank or longer than {@link
   *     #MAX_KEY_LENGTH}
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void clearFailures(String key);

  /**
   * Remembers that the device whose cookie digests to {@code device} signed in to {@code account},
   * until {@code expiresAt}; a later call for the same pair replaces the expiry.
   *
   * @param account the account's throttle name (its canonical username)
   * @param device the digest of the device cookie, never the cookie itself
   * @param expiresAt when the trust ends
   * @throws IllegalArgumentException if a key, account or device is blank or longer than {@link
   *     #MAX_KEY_LENGTH}
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void trustDevice(String account, String device, Instant expiresAt);

  /**
   * Whether a device is trusted for an account.
   *
   * @param account the account's throttle name
   * @param device the digest of the device cookie the request carried
   * @param now the current time
   * @return true when {@link #trustDevice} recorded the pair with an expiry after {@code now}
   * @throws IllegalArgumentException if a key, account or device is blank or longer than {@link
   *     #MAX_KEY_LENGTH}
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  boolean isTrusted(String account, String device, Instant now);

  /**
   * Deletes the failures recorded before {@code failedBefore} and the devices whose trust expired
   * at or before {@code now}.
   *
   * @param failedBefore failures recorded strictly before this instant are deleted
   * @param now devices whose trust expired at or before this instant are deleted
   * @return how many records were deleted
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  int prune(Instant failedBefore, Instant now);
}
