package io.chatterlink.persistence;

import java.sql.SQLException;

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
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (isTransient(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isTransient(String sqlState) {
    return sqlState != null && (sqlState.startsWith("40") || sqlState.equals("23505"));
  }
}
