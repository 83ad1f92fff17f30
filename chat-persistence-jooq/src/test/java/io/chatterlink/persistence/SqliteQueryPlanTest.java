package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
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
  void theUploadQuotaRateAndSweepUseIndexes() throws SQLException {
    Path db = folder.resolve("chat.db");
    JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db)).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(
              plan(
                  c,
                  "select sum(size_bytes) from attachments where uploader = 'u'"
                      + " and released_at is null"))
          .contains("INDEX attachments_by_uploader")
          .doesNotContain("SCAN attachments");
      assertThat(
              plan(
                  c,
                  "select uploaded_at from attachments where uploader = 'u' and uploaded_at > 5"
                      + " order by uploaded_at desc limit 20"))
          .contains("INDEX attachments_by_uploader")
          .doesNotContain("TEMP B-TREE");
      assertThat(
              plan(
                  c,
                  "select * from attachments where settled = 0 and uploaded_at <= 5 and"
                      + " released_at is null and not exists (select 1 from message_attachments"
                      + " where attachment_id = attachments.id) order by uploaded_at, id limit 100"))
          .contains("INDEX attachments_unsettled")
          .contains("INDEX message_attachments_by_attachment")
          .doesNotContain("SCAN attachments")
          .doesNotContain("SCAN message_attachments");
      assertThat(plan(c, "select * from attachments where released_at <= 5"))
          .contains("INDEX attachments_by_released_at");
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
      assertThat(plan(c, sql.lockLastSeq)).contains("USING INDEX").doesNotContain("SCAN room_seqs");
    }
  }

  @Test
  void theReadsOfEveryConnectionAndRequestUseIndexes() throws SQLException {
    Path db = folder.resolve("chat.db");
    JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db)).close();
    // The statements exactly as the stores render them; unbound parameters are NULL.
    DSLContext dsl = DSL.using(SQLDialect.SQLITE, new Settings().withRenderSchema(false));
    JooqRoomStore rooms = new JooqRoomStore(dsl, dsl);
    MessageReadSql messages = new MessageReadSql(new JdbcReads(dsl), dsl);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(plan(c, new JooqSessionStore(dsl, dsl).findById))
          .contains("INDEX sqlite_autoindex_sessions")
          .doesNotContain("SCAN");
      assertThat(plan(c, new JooqUserStore(dsl, dsl).findById))
          .contains("INDEX sqlite_autoindex_users")
          .doesNotContain("SCAN");
      assertThat(plan(c, rooms.findRoom))
          .contains("INDEX sqlite_autoindex_rooms")
          .doesNotContain("SCAN");
      assertThat(plan(c, rooms.findMembership))
          .contains("INDEX sqlite_autoindex_memberships")
          .doesNotContain("SCAN");
      assertThat(plan(c, rooms.membersOfRoom))
          .contains("INDEX memberships_by_room")
          .doesNotContain("SCAN")
          .doesNotContain("TEMP B-TREE");
      assertThat(plan(c, rooms.membershipsOfUser))
          .contains("INDEX memberships_by_user")
          .doesNotContain("SCAN")
          .doesNotContain("TEMP B-TREE");
      assertThat(plan(c, messages.lastSeq)).contains("USING INDEX").doesNotContain("SCAN");
      assertThat(plan(c, messages.countUnread))
          .contains("INDEX sqlite_autoindex_messages")
          .doesNotContain("SCAN");
      for (RenderedSql ordered :
          List.of(
              messages.entriesAfter,
              messages.entryAttachments,
              messages.latestMessages,
              messages.messagesBefore,
              messages.messagesAfter,
              messages.messageAttachments)) {
        assertThat(plan(c, ordered))
            .as(ordered.text())
            .contains("USING INDEX")
            .doesNotContain("SCAN")
            .doesNotContain("TEMP B-TREE");
      }
    }
  }

  private static String plan(Connection c, RenderedSql query) throws SQLException {
    return plan(c, query.text());
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
