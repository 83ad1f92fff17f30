package io.chatterlink.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The read pool's prepared statements, each prepared once per connection, on first use, and kept
 * with it: SQLite compiles a statement and copies out its column names when it is prepared, which
 * was about half of what a one-row read allocated (and PostgreSQL's driver parses the SQL on each
 * prepare). The pool lends a connection to one thread at a time, so a connection's statements are
 * only ever used by the thread holding it; the map from connections to statements is guarded by
 * this object's lock.
 *
 * <p>Bound: statements are kept for the pool's open connections only. The pool closes a connection
 * it drops and opens a new one in its place; on meeting a new connection, the statements of every
 * closed one are forgotten (closing a connection already released them in the driver).
 */
final class ReadStatements {
  private final Map<Connection, Map<String, PreparedStatement>> byConnection =
      new IdentityHashMap<>();

  /** The statement for {@code sql} on {@code connection}, prepared on first use. */
  PreparedStatement prepared(Connection connection, String sql) throws SQLException {
    Map<String, PreparedStatement> statements = statementsOf(connection);
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Closes and forgets a statement that failed, so that the next use prepares it afresh. */
  void discard(Connection connection, String sql) {
    PreparedStatement statement = statementsOf(connection).remove(sql);
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        // It is forgotten either way; the failure that led here is the one reported.
      }
    }
  }

  /** Connections with kept statements (for tests of the bound). */
  synchronized int connections() {
    return byConnection.size();
  }

  private synchronized Map<String, PreparedStatement> statementsOf(Connection connection) {
    Map<String, PreparedStatement> statements = byConnection.get(connection);
    if (statements == null) {
      byConnection.keySet().removeIf(ReadStatements::isClosed);
      statements = new HashMap<>();
      byConnection.put(connection, statements);
    }
    return statements;
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
