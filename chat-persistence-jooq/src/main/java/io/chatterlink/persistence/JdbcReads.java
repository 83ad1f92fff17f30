package io.chatterlink.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * Runs the hot reads (those of every connection and request: sessions, users, rooms, memberships,
 * seqs, resync) as plain JDBC prepared statements on the read pool's connections. Their SQL is
 * rendered by jOOQ from the generated schema once, on first use ({@link RenderedSql}), so it is in
 * the database's own dialect, and each statement is prepared once per connection ({@link
 * ReadStatements}); rendering and binding through jOOQ on every call was most of the CPU and nearly
 * all of the garbage of these reads. Cold reads (admin, rotation, searches) stay ordinary jOOQ
 * queries.
 *
 * <p>A failure is thrown as jOOQ's {@link DataAccessException}, which {@link Storage#guard} turns
 * into the core's unavailable error, as for every other query.
 */
final class JdbcReads {
  /** Work done on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Reads one row of a result, positioned on it, into a value. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DSLContext read;
  private final ConnectionProvider connections;
  private final ReadStatements statements = new ReadStatements();

  JdbcReads(DSLContext read) {
    this.read = read;
    this.connections = read.configuration().connectionProvider();
  }

  /**
   * The SQL of {@code query} in the read pool's dialect, rendered on first use, each value a {@code
   * ?} parameter in the order the query names it (give values as {@code (String) null} or {@code
   * DSL.param(...)}).
   */
  RenderedSql sql(Supplier<Query> query) {
    return new RenderedSql(read, query);
  }

  /** The row the query finds, if any (its first, if several). */
  <T> Optional<T> one(RenderedSql sql, Row<T> row, Object... values) {
    return run(connection -> one(connection, sql, row, values));
  }

  /** Every row the query finds, in its order. */
  <T> List<T> list(RenderedSql sql, Row<T> row, Object... values) {
    return run(connection -> list(connection, sql, row, values));
  }

  /** {@code work} on one pooled connection, in autocommit mode. */
  <T> T run(Work<T> work) {
    Connection connection = connections.acquire();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException("a read failed", e);
    } finally {
      connections.release(connection);
    }
  }

  /** {@code work} on one pooled connection in one read transaction, so it sees one snapshot. */
  <T> T inTransaction(Work<T> work) {
    return run(
        connection -> {
          connection.setAutoCommit(false);
          T result = work.run(connection);
          connection.commit();
          // After a failure the pool's release rolls back and restores autocommit instead.
          connection.setAutoCommit(true);
          return result;
        });
  }

  /** The row the query finds on {@code connection}, if any (its first, if several). */
  <T> Optional<T> one(Connection connection, RenderedSql sql, Row<T> row, Object... values)
      throws SQLException {
    return query(
        connection,
        sql,
        rows -> rows.next() ? Optional.of(row.read(rows)) : Optional.empty(),
        values);
  }

  /** Every row the query finds on {@code connection}, in its order. */
  <T> List<T> list(Connection connection, RenderedSql sql, Row<T> row, Object... values)
      throws SQLException {
    return query(
        connection,
        sql,
        rows -> {
          List<T> found = new ArrayList<>();
          while (rows.next()) {
            found.add(row.read(rows));
          }
          return found;
        },
        values);
  }

  /**
   * Runs the kept statement for {@code sql} and reads its result with {@code read}. Closing the
   * result resets the statement, which on SQLite also ends the snapshot it read from; a statement
   * that failed is discarded rather than kept in an unknown state.
   */
  private <T> T query(Connection connection, RenderedSql sql, Row<T> read, Object... values)
      throws SQLException {
    try {
      PreparedStatement statement = statements.prepared(connection, sql.text());
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return read.read(rows);
      }
    } catch (SQLException | RuntimeException e) {
      statements.discard(connection, sql.text());
      throw e;
    }
  }
}
