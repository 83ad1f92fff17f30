package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chatterlink.core.error.UnavailableException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Start-up skips Flyway only when the schema history records exactly the shipped migrations; any
 * other history still goes through Flyway, which migrates or refuses as before.
 */
class SchemaMigrationTest {
  private final SchemaMigration shipped = SchemaMigration.shipped();

  @TempDir Path folder;

  @Test
  void theIndexListsEveryMigrationFileInTheFolderInVersionOrder()
      throws IOException, URISyntaxException {
    Path migrations =
        Path.of(getClass().getClassLoader().getResource(SchemaMigration.LOCATION).toURI());
    List<String> files;
    try (Stream<Path> listing = Files.list(migrations)) {
      files =
          listing
              .map(p -> p.getFileName().toString())
              .sorted(SchemaMigrationTest::byVersion)
              .toList();
    }

    assertThat(shipped.fileNames()).isNotEmpty().isEqualTo(files);
  }

  @Test
  void aNewDatabaseIsNotCurrent() throws SQLException {
    try (Connection connection = connect("new.db")) {
      assertThat(shipped.isApplied(connection)).isFalse();
    }
  }

  @Test
  void aMigratedDatabaseIsCurrentAndOpensWithoutFlyway() throws SQLException {
    String url = url("chat.db");
    ListAppender<ILoggingEvent> opened = new ListAppender<>();
    opened.start();
    Logger storageLog = (Logger) LoggerFactory.getLogger(JooqStorage.class);
    Level levelBefore = storageLog.getLevel();
    storageLog.setLevel(Level.INFO);
    storageLog.addAppender(opened);
    try {
      JooqStorage.open(StorageSettings.of(url)).close();
      try (Connection connection = DriverManager.getConnection(url)) {
        assertThat(shipped.isApplied(connection)).isTrue();
      }
      JooqStorage.open(StorageSettings.of(url)).close();
    } finally {
      storageLog.detachAppender(opened);
      storageLog.setLevel(levelBefore);
    }

    assertThat(opened.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("Storage open"))
        .satisfiesExactly(
            first -> assertThat(first).endsWith("schema migrated"),
            second -> assertThat(second).endsWith("schema already current"));
    assertThat(historyRows(url)).isEqualTo(shipped.fileNames().size());
  }

  @Test
  void aDatabaseOneMigrationBehindIsMigratedByFlyway() throws SQLException {
    String url = url("behind.db");
    JooqStorage.open(StorageSettings.of(url)).close();
    String newest = shipped.fileNames().get(shipped.fileNames().size() - 1);
    execute(url, "DELETE FROM flyway_schema_history WHERE script = '" + newest + "'");
    undoNewestMigration(url);

    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(shipped.isApplied(connection)).isFalse();
    }
    JooqStorage.open(StorageSettings.of(url)).close();
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(shipped.isApplied(connection)).isTrue();
    }
  }

  @Test
  void anEditedMigrationIsNotCurrentAndFlywayStillRefusesIt() throws SQLException {
    String url = url("edited.db");
    JooqStorage.open(StorageSettings.of(url)).close();
    execute(url, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(shipped.isApplied(connection)).isFalse();
    }
    assertThatThrownBy(() -> JooqStorage.open(StorageSettings.of(url)))
        .isInstanceOf(UnavailableException.class);
  }

  @Test
  void aFailedOrUnknownMigrationInTheHistoryIsNotCurrent() throws SQLException {
    String failed = url("failed.db");
    JooqStorage.open(StorageSettings.of(failed)).close();
    execute(failed, "UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
    String newer = url("newer.db");
    JooqStorage.open(StorageSettings.of(newer)).close();
    execute(
        newer,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future',"
            + " 'SQL', 'V99__future.sql', 1, '', 0, 1)");

    try (Connection a = DriverManager.getConnection(failed);
        Connection b = DriverManager.getConnection(newer)) {
      assertThat(shipped.isApplied(a)).isFalse();
      assertThat(shipped.isApplied(b)).isFalse();
    }
  }

  /**
   * Undoes V8 (drops the shared throttles' and spent tokens' tables) so that the database really is
   * one migration behind.
   */
  private void undoNewestMigration(String url) throws SQLException {
    assertThat(shipped.fileNames()).last().asString().startsWith("V8__");
    execute(url, "DROP TABLE rate_window_events");
    execute(url, "DROP TABLE rate_window_keys");
    execute(url, "DROP TABLE spent_tokens");
  }

  private static int byVersion(String a, String b) {
    return Integer.compare(version(a), version(b));
  }

  private static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  private int historyRows(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name));
  }

  private String url(String name) {
    return "jdbc:sqlite:" + folder.resolve(name);
  }
}
