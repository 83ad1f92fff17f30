package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's log is copied into the database by the checkpointer's thread, not by the writer. */
class WalCheckpointerTest {
  @TempDir Path folder;

  @Test
  void theCheckpointerCopiesTheWritersLogIntoTheDatabaseFile() throws Exception {
    Path file = folder.resolve("chat.db");
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + file))) {
      StorageFixtures fixtures = new StorageFixtures(storage);
      User sender = fixtures.user("alice");
      RoomId room = fixtures.room();
      for (int i = 0; i < 50; i++) {
        fixtures.post(room, sender, "message " + i);
      }
      WalCheckpointer checkpointer = storage.walCheckpointer().orElseThrow();

      // A liveness bound, not a timing: the thread runs every half second.
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (checkpointer.framesCopied() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      assertThat(checkpointer.framesCopied()).isPositive();
    }
  }

  @Test
  void theWriterCheckpointsOnlyAsABackstopOfTenThousandPages() throws Exception {
    Path file = folder.resolve("chat.db");
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + file));
        Connection writer =
            DriverManager.getConnection(
                DatabaseTarget.parse(StorageSettings.of("jdbc:sqlite:" + file)).writeUrl());
        Statement statement = writer.createStatement();
        ResultSet pages = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
      assertThat(pages.next()).isTrue();
      assertThat(pages.getInt(1)).isEqualTo(DatabaseTarget.WRITER_AUTOCHECKPOINT_PAGES);
    }
  }
}
