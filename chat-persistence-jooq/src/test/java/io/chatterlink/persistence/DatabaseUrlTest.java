package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** The accepted forms of {@code DATABASE_URL}, and errors that never show its value. */
class DatabaseUrlTest {
  private static DatabaseTarget parse(String url) {
    return DatabaseTarget.parse(StorageSettings.of(url));
  }

  @Test
  void aJdbcSqliteUrlGetsThePragmasInTheUrlSoEveryConnectionHasThem() {
    DatabaseTarget target = parse("jdbc:sqlite:/var/lib/chat/chat.db");

    assertThat(target.dialect()).isEqualTo(SQLDialect.SQLITE);
    assertThat(target.sqliteFile()).contains(Path.of("/var/lib/chat/chat.db"));
    assertThat(target.readUrl())
        .isEqualTo(
            "jdbc:sqlite:/var/lib/chat/chat.db?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true");
    assertThat(target.writeUrl())
        .isEqualTo(
            target.readUrl()
                + "&transaction_mode=IMMEDIATE&wal_autocheckpoint=10000&cache_size=-16384");
  }

  @Test
  void fullDurabilityAsksSqliteForSynchronousFull() {
    DatabaseTarget target =
        DatabaseTarget.parse(new StorageSettings("jdbc:sqlite:/data/chat.db", Durability.FULL));

    assertThat(target.readUrl()).contains("synchronous=FULL");
  }

  @Test
  void theSqlalchemyStyleSqliteUrlTakesThePathAfterThreeSlashes() {
    assertThat(parse("sqlite:////data/chat.db").sqliteFile()).contains(Path.of("/data/chat.db"));
    assertThat(parse("sqlite:///data/chat.db").sqliteFile())
        .contains(Path.of("data/chat.db").toAbsolutePath());
  }

  @Test
  void sqliteWithTwoSlashesIsRefusedSinceItMeansAnInMemoryDatabaseThere() {
    assertThatThrownBy(() -> parse("sqlite://"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void aRelativeSqlitePathIsResolvedAgainstTheWorkingDirectory() {
    assertThat(parse("jdbc:sqlite:data/chat.db").sqliteFile())
        .contains(Path.of("data/chat.db").toAbsolutePath());
  }

  @Test
  void aLibpqStylePostgresUrlBecomesAJdbcUrlWithTheCredentialsApart() {
    DatabaseTarget target =
        parse("postgresql://chat:p%40ss:word@db.internal:5433/chatterlink?sslmode=require");

    assertThat(target.dialect()).isEqualTo(SQLDialect.POSTGRES);
    assertThat(target.readUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5433/chatterlink?sslmode=require");
    assertThat(target.writeUrl()).isEqualTo(target.readUrl());
    assertThat(target.credentials().getProperty("user")).isEqualTo("chat");
    assertThat(target.credentials().getProperty("password")).isEqualTo("p@ss:word");
    assertThat(target.sqliteFile()).isEmpty();
  }

  @Test
  void thePostgresSchemeAndAUrlWithoutPortOrPasswordAreAccepted() {
    DatabaseTarget target = parse("postgres://chat@localhost/chatterlink");

    assertThat(target.readUrl()).isEqualTo("jdbc:postgresql://localhost/chatterlink");
    assertThat(target.credentials().getProperty("user")).isEqualTo("chat");
    assertThat(target.credentials().getProperty("password")).isNull();
  }

  @Test
  void aJdbcPostgresUrlIsPassedToTheDriverAsItIs() {
    String url = "jdbc:postgresql://localhost:5432/chat?user=chat&password=secret";

    assertThat(parse(url).readUrl()).isEqualTo(url);
  }

  @Test
  void anUnknownSchemeIsRefusedNamingTheSettingButNotItsValue() {
    assertThatThrownBy(() -> parse("mysql://root:hunter2@localhost/chat"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMalformedPostgresUrlIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> parse("postgresql://chat:hunter2@/chat"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void inMemorySqliteIsRefusedBecauseEachConnectionWouldSeeAnotherDatabase() {
    assertThatThrownBy(() -> parse("jdbc:sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in-memory");
  }

  @Test
  void sqliteParametersInTheUrlAreRefusedSinceThePragmasAreThisModulesToSet() {
    assertThatThrownBy(() -> parse("jdbc:sqlite:/data/chat.db?synchronous=OFF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pragmas");
  }

  @Test
  void settingsNeverPrintTheUrl() {
    assertThat(StorageSettings.of("postgresql://chat:hunter2@localhost/chat").toString())
        .doesNotContain("hunter2")
        .contains("NORMAL");
  }
}
