package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements kept per connection: prepared once, forgotten when they fail or their connection is
 * closed, and never holding SQLite's snapshot between reads.
 */
class ReadStatementsTest {
  private static final String SQL = "select count(*) from notes";

  @TempDir Path folder;
  private final ReadStatements statements = new ReadStatements();

  @Test
  void aStatementIsPreparedOncePerConnectionAndAgainAfterItWasDiscarded() throws SQLException {
    try (Connection first = open();
        Connection second = open()) {
      PreparedStatement kept = statements.prepared(first, SQL);

      assertThat(statements.prepared(first, SQL)).isSameAs(kept);
      assertThat(statements.prepared(second, SQL)).isNotSameAs(kept);
      statements.discard(first, SQL);
      assertThat(kept.isClosed()).isTrue();
      assertThat(statements.prepared(first, SQL)).isNotSameAs(kept);
    }
  }

  @Test
  void theStatementsOfClosedConnectionsAreForgottenWhenANewConnectionComes() throws SQLException {
    Connection dropped = open();
    try (Connection kept = open()) {
      statements.prepared(dropped, SQL);
      statements.prepared(kept, SQL);
      dropped.close();
      assertThat(statements.connections()).isEqualTo(2);

      try (Connection replacement = open()) {
        statements.prepared(replacement, SQL);

        assertThat(statements.connections()).isEqualTo(2);
      }
    }
  }

  @Test
  void aKeptStatementHoldsNoSnapshotBetweenReads() throws SQLException {
    try (Connection reader = open();
        Connection writer = open()) {
      PreparedStatement count = statements.prepared(reader, SQL);
      assertThat(count(count)).isZero();

      try (Statement insert = writer.createStatement()) {
        insert.executeUpdate("insert into notes values ('written after the first read')");
      }

      assertThat(count(statements.prepared(reader, SQL))).isEqualTo(1);
      try (Statement checkpoint = writer.createStatement();
          ResultSet result = checkpoint.executeQuery("pragma wal_checkpoint(truncate)")) {
        result.next();
        assertThat(result.getInt(1)).as("checkpoint blocked by a reader").isZero();
      }
    }
  }

  private static long count(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection open() throws SQLException {
    Connection c =
        DriverManager.getConnection(
            "jdbc:sqlite:" + folder.resolve("notes.db") + "?journal_mode=WAL");
    try (Statement s = c.createStatement()) {
      s.executeUpdate("create table if not exists notes (text text)");
    }
    return c;
  }
}
