package io.chatterlink.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's connection with its {@link MessageWriteSql} statements, each prepared once, on first
 * use, and kept for as long as the connection: SQLite compiles a statement when it is prepared, so
 * preparing per group would repeat that work for every group. Used by the writer thread only.
 */
final class MessageWriteStatements implements AutoCloseable {
  private final Connection connection;
  private final MessageWriteSql sql;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  MessageWriteStatements(Connection connection, MessageWriteSql sql) {
    this.connection = connection;
    this.sql = sql;
  }

  Connection connection() {
    return connection;
  }

  /** The statements' text. */
  MessageWriteSql sql() {
    return sql;
  }

  /** The statement for {@code text} (one of {@link #sql()}'s), prepared on first use. */
  PreparedStatement prepared(String text) throws SQLException {
    PreparedStatement statement = prepared.get(text);
    if (statement == null) {
      statement = connection.prepareStatement(text);
      prepared.put(text, statement);
    }
    return statement;
  }

  /** Closes every statement prepared so far; the connection stays open. Never throws. */
  @Override
  public void close() {
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Closing only releases the compiled statement; the connection is discarded or closed next.
      }
    }
    prepared.clear();
  }
}
