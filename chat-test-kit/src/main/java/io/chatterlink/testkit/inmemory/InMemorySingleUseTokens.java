package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.SingleUseTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spent tokens in a map behind one lock: for tests and for a single process, where nothing survives
 * a restart. Each spend first forgets the tokens already expired, so the map holds only tokens that
 * are still valid (which an attacker cannot mint: each needs a valid signed code).
 */
final class InMemorySingleUseTokens implements SingleUseTokens {
  private final Map<String, Instant> spent = new HashMap<>();

  @Override
  public synchronized boolean spend(String digest, Instant expiresAt, Instant now) {
    requireDigest(digest);
    prune(now);
    return spent.putIfAbsent(digest, expiresAt) == null;
  }

  @Override
  public synchronized void release(String digest) {
    requireDigest(digest);
    spent.remove(digest);
  }

  @Override
  public synchronized int prune(Instant now) {
    int before = spent.size();
    spent.values().removeIf(expires -> !expires.isAfter(now));
    return before - spent.size();
  }

  private static void requireDigest(String digest) {
    if (digest == null || digest.isBlank() || digest.length() > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException(
          "a token digest is 1 to " + MAX_DIGEST_LENGTH + " characters, not blank");
    }
  }
}
