package io.chatterlink.persistence;

/**
 * Whether a failed write broke a unique or primary key: SQL state class 23 (PostgreSQL), or
 * SQLite's {@code SQLITE_CONSTRAINT} result code (19, whose extended codes keep it in the low
 * byte), which the SQLite driver reports without a SQL state. The writer retries such a write alone
 * with its id checks, which turn a message id taken by another message into a conflict.
 */
final class KeyViolation {
  private static final int SQLITE_CONSTRAINT = 19;

  private KeyViolation() {}

  static boolean is(Throwable failure) {
    return SqlFailures.any(
        failure,
        e ->
            (e.getSQLState() != null && e.getSQLState().startsWith("23"))
                || (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT);
  }
}
