package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.SPENT_TOKENS;

import io.chatterlink.core.port.out.SingleUseTokens;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Spent tokens in the {@code spent_tokens} table (migration V8). Spending is one statement, an
 * insert that on a conflicting digest only takes over a row whose expiry has passed: the primary
 * key decides between concurrent spends on every database and from every process, so exactly one of
 * them changes a row.
 */
final class JooqSingleUseTokens implements SingleUseTokens {
  private final DSLContext write;

  JooqSingleUseTokens(DSLContext write) {
    this.write = write;
  }

  @Override
  public boolean spend(String digest, Instant expiresAt, Instant now) {
    requireDigest(digest);
    long expires = Instants.toNanos(expiresAt);
    long nowNanos = Instants.toNanos(now);
    return Storage.guard(
        "spending a single-use token",
        () ->
            write
                    .insertInto(SPENT_TOKENS)
                    .set(SPENT_TOKENS.DIGEST, digest)
                    .set(SPENT_TOKENS.EXPIRES_AT, expires)
                    .onConflict(SPENT_TOKENS.DIGEST)
                    .doUpdate()
                    .set(SPENT_TOKENS.EXPIRES_AT, expires)
                    .where(SPENT_TOKENS.EXPIRES_AT.le(nowNanos))
                    .execute()
                == 1);
  }

  @Override
  public void release(String digest) {
    requireDigest(digest);
    Storage.guardRun(
        "releasing a single-use token",
        () -> write.deleteFrom(SPENT_TOKENS).where(SPENT_TOKENS.DIGEST.eq(digest)).execute());
  }

  @Override
  public int prune(Instant now) {
    long nowNanos = Instants.toNanos(now);
    return Storage.guard(
        "pruning spent tokens",
        () -> write.deleteFrom(SPENT_TOKENS).where(SPENT_TOKENS.EXPIRES_AT.le(nowNanos)).execute());
  }

  private static void requireDigest(String digest) {
    if (digest == null || digest.isBlank() || digest.length() > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException(
          "a token digest is 1 to " + MAX_DIGEST_LENGTH + " characters, not blank");
    }
  }
}
