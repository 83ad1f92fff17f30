package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History pages, resync, resend checks and membership order are index lookups on the migrated
 * schema, never table scans: SQLite's query planner says so for the shapes of query the stores
 * send.
 */
class SqliteQueryPlanTest {
  @TempDir Path folder;

  @Test
  void historyResyncAndResendChecksUseIndexes() throws SQLException {
    Path db = folder.resolve("chat.db");
    JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db)).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(
              plan(
                  c,
                  "select * from messages where room_id = 'r' and seq < 10 order by seq desc limit"
                      + " 50"))
          .contains("USING INDEX")
          .doesNotContain("SCAN messages")
          .doesNotContain("TEMP B-TREE");
      assertThat(
              plan(
                  c,
                  "select * from message_log join messages on messages.id = message_log.message_id"
                      + " where message_log.room_id = 'r' and message_log.seq > 10"
                      + " order by message_log.seq limit 500"))
          .doesNotContain("SCAN message_log")
          .doesNotContain("SCAN messages")
          .doesNotContain("TEMP B-TREE");
      assertThat(plan(c, "select * from messages where sender = 'u' and client_message_id = 'c'"))
          .contains("USING INDEX")
          .doesNotContain("SCAN messages");
      assertThat(plan(c, "select coalesce(max(join_order), 0) from memberships"))
          .contains("INDEX memberships_by_join_order");
      assertThat(plan(c, "select last_seq from room_seqs where room_id = 'r'"))
          .contains("USING INDEX")
          .doesNotContain("SCAN room_seqs");
    }
  }

  @Test
  void theGroupCommitWritersLookupsUseIndexes() throws SQLException {
    Path db = folder.resolve("chat.db");
    JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db)).close();
    // The statements exactly as the writer renders and prepares them; unbound parameters are NULL.
    MessageWriteSql sql = new MessageWriteSql(SQLDialect.SQLITE, new Settings());

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(plan(c, sql.findByPair))
          .contains("INDEX sqlite_autoindex_messages")
          .doesNotContain("SCAN messages");
      assertThat(plan(c, sql.attachmentsOf))
          .contains("INDEX sqlite_autoindex_message_attachments")
          .doesNotContain("SCAN message_attachments")
          .doesNotContain("TEMP B-TREE");
      assertThat(plan(c, sql.lastSeq)).contains("USING INDEX").doesNotContain("SCAN room_seqs");
    }
  }

  private static String plan(Connection c, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + query)) {
      while (r.next()) {
        plan.append(r.getString("detail")).append('\n');
      }
    }
    return plan.toString();
  }
}
