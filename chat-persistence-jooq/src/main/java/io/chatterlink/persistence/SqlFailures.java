package io.chatterlink.persistence;

import java.sql.SQLException;
import java.util.function.Predicate;

/** Looks through a failure's causes, and each SQL exception's chain, for a database's verdict. */
final class SqlFailures {
  private SqlFailures() {}

  /** True if any {@link SQLException} among the causes of {@code failure} passes {@code test}. */
  static boolean any(Throwable failure, Predicate<SQLException> test) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (test.test(e)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
