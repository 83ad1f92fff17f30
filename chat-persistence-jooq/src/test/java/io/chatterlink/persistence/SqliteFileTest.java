package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an SQLite database file looks like after {@link JooqStorage} opened it. */
class SqliteFileTest {
  @TempDir Path folder;

  @Test
  void theFileAndItsMissingFoldersAreCreated() {
    Path file = folder.resolve("a/b/chat.db");

    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("sqlite:///" + file))) {
      assertThat(storage.messages().lastSeq(new RoomId("nothing"))).isZero();
    }

    assertThat(file).isRegularFile();
  }

  @Test
  void everyConnectionIsInWalModeWithForeignKeysABusyTimeoutAndTheChosenSynchronousLevel()
      throws SQLException {
    for (Durability durability : Durability.values()) {
      StorageSettings settings =
          new StorageSettings("jdbc:sqlite:" + folder.resolve(durability + ".db"), durability);
      JooqStorage.open(settings).close();
      DatabaseTarget target = DatabaseTarget.parse(settings);
      for (String url : new String[] {target.readUrl(), target.writeUrl()}) {
        try (Connection c = DriverManager.getConnection(url)) {
          assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
          assertThat(pragma(c, "busy_timeout"))
              .isEqualTo(String.valueOf(DatabaseTarget.SQLITE_BUSY_TIMEOUT_MILLIS));
          assertThat(pragma(c, "synchronous")).isEqualTo(durability == Durability.FULL ? "2" : "1");
        }
      }
    }
  }

  @Test
  void dataSurvivesClosingAndReopening() {
    StorageSettings settings = StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db"));
    RoomId room;
    try (JooqStorage storage = JooqStorage.open(settings)) {
      StorageFixtures fixtures = new StorageFixtures(storage);
      User alice = fixtures.user("alice");
      room = fixtures.room();
      fixtures.post(room, alice, "kept");
    }

    try (JooqStorage reopened = JooqStorage.open(settings)) {
      assertThat(reopened.messages().page(room, PageRequest.latest(10))).hasSize(1);
      assertThat(reopened.messages().lastSeq(room)).isEqualTo(1);
    }
  }

  @Test
  void closingTwiceIsHarmlessAndAClosedStorageRefusesWork() {
    JooqStorage storage =
        JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
    StorageFixtures fixtures = new StorageFixtures(storage);
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();

    storage.close();
    storage.close();

    assertThatThrownBy(() -> fixtures.post(room, alice, "late"))
        .isInstanceOf(UnavailableException.class);
    assertThatThrownBy(() -> storage.messages().lastSeq(room))
        .isInstanceOf(UnavailableException.class);
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsReportedAsUnavailable() throws Exception {
    Path notADatabase = folder.resolve("chat.db");
    Files.writeString(
        notADatabase, "this is not an SQLite file, and it is long enough to be read as one");

    assertThatThrownBy(() -> JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + notADatabase)))
        .isInstanceOf(UnavailableException.class);
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
