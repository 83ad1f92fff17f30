package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.RATE_WINDOW_EVENTS;
import static io.chatterlink.persistence.internal.schema.Tables.RATE_WINDOW_KEYS;

import io.chatterlink.core.port.out.RateWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sliding windows in the {@code rate_window_keys} and {@code rate_window_events} tables (migration
 * V8). An attempt is one write transaction that first upserts the key's row: on PostgreSQL that row
 * lock makes concurrent attempts on one key, from every process, take turns (each then counts what
 * the previous ones committed); on SQLite the IMMEDIATE write transaction serializes all writers
 * anyway. Throttled actions (registrations, searches) are rare next to messages, so plain
 * statements on the shared write pool suffice.
 */
final class JooqRateWindows implements RateWindows {
  private final DSLContext write;

  JooqRateWindows(DSLContext write) {
    this.write = write;
  }

  @Override
  public Decision acquire(String key, int limit, Duration window, Instant now) {
    requireArguments(key, limit, window);
    long nowNanos = Instants.toNanos(now);
    long expires = Instants.toNanos(now.plus(window));
    return Storage.guard(
        "checking a rate window",
        () ->
            write.transactionResult(
                tx -> {
                  DSLContext sql = tx.dsl();
                  sql.insertInto(RATE_WINDOW_KEYS)
                      .set(RATE_WINDOW_KEYS.WINDOW_KEY, key)
                      .set(RATE_WINDOW_KEYS.EXPIRES_AT, expires)
                      .onConflict(RATE_WINDOW_KEYS.WINDOW_KEY)
                      .doUpdate()
                      .set(RATE_WINDOW_KEYS.EXPIRES_AT, expires)
                      .execute();
                  sql.deleteFrom(RATE_WINDOW_EVENTS)
                      .where(RATE_WINDOW_EVENTS.WINDOW_KEY.eq(key))
                      .and(RATE_WINDOW_EVENTS.EXPIRES_AT.le(nowNanos))
                      .execute();
                  // The limit-th newest event, if there is one, is what keeps the key at its limit.
                  Optional<Long> blocking =
                      sql.select(RATE_WINDOW_EVENTS.EXPIRES_AT)
                          .from(RATE_WINDOW_EVENTS)
                          .where(RATE_WINDOW_EVENTS.WINDOW_KEY.eq(key))
                          .orderBy(RATE_WINDOW_EVENTS.EXPIRES_AT.desc())
                          .limit(1)
                          .offset(limit - 1)
                          .fetchOptional(RATE_WINDOW_EVENTS.EXPIRES_AT);
                  if (blocking.isPresent()) {
                    return new Refused(Instants.fromNanos(blocking.get()));
                  }
                  sql.insertInto(RATE_WINDOW_EVENTS)
                      .set(RATE_WINDOW_EVENTS.WINDOW_KEY, key)
                      .set(RATE_WINDOW_EVENTS.EXPIRES_AT, expires)
                      .execute();
                  return new Admitted(
                      sql.fetchCount(RATE_WINDOW_EVENTS, RATE_WINDOW_EVENTS.WINDOW_KEY.eq(key)));
                }));
  }

  @Override
  public int prune(Instant now) {
    long nowNanos = Instants.toNanos(now);
    return Storage.guard(
        "pruning rate windows",
        () -> {
          int events =
              write
                  .deleteFrom(RATE_WINDOW_EVENTS)
                  .where(RATE_WINDOW_EVENTS.EXPIRES_AT.le(nowNanos))
                  .execute();
          write
              .deleteFrom(RATE_WINDOW_KEYS)
              .where(RATE_WINDOW_KEYS.EXPIRES_AT.le(nowNanos))
              .execute();
          return events;
        });
  }

  private static void requireArguments(String key, int limit, Duration window) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a rate window key is 1 to " + MAX_KEY_LENGTH + " characters, not blank");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a rate window limit is 1 to " + MAX_LIMIT + ", not " + limit);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate window must be positive");
    }
  }
}
