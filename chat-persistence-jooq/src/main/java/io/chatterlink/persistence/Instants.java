package io.chatterlink.persistence;

import java.time.Instant;

/**
 * Instants are stored as BIGINT nanoseconds since the epoch: exact for every {@link Instant} from
 * 1677 to 2262, portable across SQLite and PostgreSQL, and ordered like the instants themselves.
 */
final class Instants {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Instants() {}

  /**
   * The stored form of {@code instant}.
   *
   * @throws ArithmeticException for an instant outside 1677–2262
   */
  static long toNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
