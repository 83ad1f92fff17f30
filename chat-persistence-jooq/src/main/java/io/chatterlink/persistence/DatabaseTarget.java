package io.chatterlink.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.jooq.SQLDialect;

/**
 * A parsed {@code DATABASE_URL}: which dialect, and the JDBC URLs for reading and for writing. On
 * SQLite the pragmas travel in the URL so that every pooled connection gets them ({@code
 * synchronous} is per connection); writers also begin their transactions IMMEDIATE, so that a
 * transaction that reads before it writes waits for the lock instead of failing with BUSY.
 *
 * @param credentials user and password for PostgreSQL URLs of the {@code postgresql://} form
 * @param sqliteFile the database file, for SQLite
 */
record DatabaseTarget(
    SQLDialect dialect,
    String readUrl,
    String writeUrl,
    Properties credentials,
    Optional<Path> sqliteFile) {
  /** How long an SQLite connection waits for another's write lock before failing. */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  /**
   * The log size (4 KiB pages) at which a committing SQLite writer copies the log into the database
   * itself: a backstop, as {@link WalCheckpointer} does that on its own thread every half second
   * (SQLite's default of 1,000 pages put a checkpoint on the writer every few hundred messages).
   */
  static final int WRITER_AUTOCHECKPOINT_PAGES = 10_000;

  /**
   * The SQLite writer's page cache, KiB (SQLite's default is 2,000): every message touches index
   * pages of several tables in up to every room, which a 2 MB cache re-read from the file.
   */
  static final int WRITER_CACHE_KIB = 16_384;

  private static final String SETTING = "DATABASE_URL";

  static DatabaseTarget parse(StorageSettings settings) {
    String url = settings.jdbcUrl().strip();
    if (url.startsWith("jdbc:sqlite:")) {
      return sqlite(url.substring("jdbc:sqlite:".length()), settings.durability());
    }
    if (url.startsWith("sqlite:///")) {
      // SQLAlchemy's form, as the Python original took it: three slashes then the path, so
      // sqlite:///chat.db is relative and sqlite:////var/chat.db absolute.
      return sqlite(url.substring("sqlite:///".length()), settings.durability());
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PostgresSupport.require();
      return new DatabaseTarget(SQLDialect.POSTGRES, url, url, new Properties(), Optional.empty());
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      PostgresSupport.require();
      return postgresFromLibpqForm(url);
    }
    throw new IllegalArgumentException(
        SETTING + " must start with jdbc:sqlite:, sqlite:///, jdbc:postgresql: or postgresql://");
  }

  private static DatabaseTarget sqlite(String path, Durability durability) {
    if (path.isBlank() || path.contains(":memory:") || path.startsWith("file:")) {
      throw new IllegalArgumentException(
          SETTING + " must name an SQLite file (in-memory databases are not supported)");
    }
    if (path.contains("?")) {
      throw new IllegalArgumentException(
          SETTING + " must not carry SQLite parameters: this module sets the pragmas itself");
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    String pragmas =
        "?journal_mode=WAL&synchronous="
            + durability.name()
            + "&busy_timeout="
            + SQLITE_BUSY_TIMEOUT_MILLIS
            + "&foreign_keys=true";
    String base = "jdbc:sqlite:" + file + pragmas;
    return new DatabaseTarget(
        SQLDialect.SQLITE,
        base,
        base
            + "&transaction_mode=IMMEDIATE&wal_autocheckpoint="
            + WRITER_AUTOCHECKPOINT_PAGES
            + "&cache_size=-"
            + WRITER_CACHE_KIB,
        new Properties(),
        Optional.of(file));
  }

  private static DatabaseTarget postgresFromLibpqForm(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(SETTING + " is not a valid postgresql:// URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(SETTING + " must name a host");
    }
    Properties credentials = new Properties();
    if (uri.getRawUserInfo() != null) {
      String[] userAndPassword = uri.getRawUserInfo().split(":", 2);
      credentials.setProperty("user", decode(userAndPassword[0]));
      if (userAndPassword.length == 2) {
        credentials.setProperty("password", decode(userAndPassword[1]));
      }
    }
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + port + path + query;
    return new DatabaseTarget(SQLDialect.POSTGRES, jdbc, jdbc, credentials, Optional.empty());
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + dialect + "]";
  }
}
