package io.chatterlink.persistence;

/**
 * Whether a failed write lost a race with another transaction (another node's, on the same
 * database) and would succeed if simply run again: PostgreSQL's class 40 (40001 serialization
 * failure, 40P01 deadlock detected) and 23505 (a unique key another transaction committed first,
 * such as one {@code (sender, client_message_id)} pair sent to two nodes; the retry's resend check
 * then finds the stored message). Any other failure is not retried.
 */
final class TransientConflict {
  private TransientConflict() {}

  static boolean is(Throwable failure) {
    return SqlFailures.any(failure, e -> isTransient(e.getSQLState()));
  }

  private static boolean isTransient(String sqlState) {
    return sqlState != null && (sqlState.startsWith("40") || sqlState.equals("23505"));
  }
}
