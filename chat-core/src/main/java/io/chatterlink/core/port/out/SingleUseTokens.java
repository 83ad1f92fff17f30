package io.chatterlink.core.port.out;

import java.time.Instant;

/**
 * Single-use tokens spent once across every server process on one store and across restarts (the
 * database): an invite code registers one account, whichever node it is presented to. Tokens are
 * given by a digest (never the secret itself, so the store holds nothing that could be presented
 * again) together with the instant the token expires; a spent token is remembered until then and
 * {@link #prune}d after.
 *
 * <p>Digests are non-blank strings of at most {@value #MAX_DIGEST_LENGTH} characters; anything else
 * is refused with {@link IllegalArgumentException}.
 */
public interface SingleUseTokens {
  /** Longest digest accepted (a Base64 SHA-512 is 88). */
  int MAX_DIGEST_LENGTH = 128;

  /**
   * Spends the token: atomically across every process on the store, exactly one of any number of
   * concurrent calls for the same digest returns true. A digest spent before is spendable again
   * only once its earlier expiry has passed at {@code now} (or it was {@link #release}d).
   *
   * @param digest the token's digest (see the class description for its form)
   * @param expiresAt until when the spent token is remembered: the token's own expiry, after which
   *     it would be refused anyway
   * @param now the caller's clock
   * @return true if this call spent the token; false if it was already spent and has not expired
   * @throws IllegalArgumentException if {@code digest} is blank or longer than {@value
   *     #MAX_DIGEST_LENGTH}
   */
  boolean spend(String digest, Instant expiresAt, Instant now);

  /**
   * Makes a spent token spendable again (what it was spent for failed); nothing happens if it is
   * not spent.
   *
   * @param digest the digest given to {@link #spend}
   * @throws IllegalArgumentException if {@code digest} is blank or longer than {@value
   *     #MAX_DIGEST_LENGTH}
   */
  void release(String digest);

  /**
   * Forgets the tokens that expired at or before {@code now}; call it now and then (a scheduled
   * sweep).
   *
   * @param now the caller's clock
   * @return how many were forgotten
   */
  int prune(Instant now);
}
