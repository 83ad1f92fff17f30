package com.example.chat;

import io.chatterlink.core.port.out.SingleUseTokens;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An adapter of the application's own: ChatterLink's {@link SingleUseTokens} port (invite codes are
 * spent through it) on a map in this process, for a single-process deployment. Each spent digest is
 * kept with its expiry until it is pruned.
 */
public final class MapSingleUseTokens implements SingleUseTokens {
  private final Map<String, Instant> spent = new ConcurrentHashMap<>();

  @Override
  public boolean spend(String digest, Instant expiresAt, Instant now) {
    requireDigest(digest);
    AtomicBoolean spentNow = new AtomicBoolean();
    spent.compute(
        digest,
        (d, expiry) -> {
          if (expiry != null && now.isBefore(expiry)) {
            return expiry; // spent, and not expired yet
          }
          spentNow.set(true);
          return expiresAt;
        });
    return spentNow.get();
  }

  @Override
  public void release(String digest) {
    requireDigest(digest);
    spent.remove(digest);
  }

  @Override
  public int prune(Instant now) {
    int pruned = 0;
    for (Map.Entry<String, Instant> entry : spent.entrySet()) {
      // Removed only if unchanged: a digest spent again meanwhile stays.
      if (!now.isBefore(entry.getValue()) && spent.remove(entry.getKey(), entry.getValue())) {
        pruned++;
      }
    }
    return pruned;
  }

  private static void requireDigest(String digest) {
    if (digest.isBlank() || digest.length() > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException(
          "a digest is 1 to " + MAX_DIGEST_LENGTH + " characters, not blank");
    }
  }
}
