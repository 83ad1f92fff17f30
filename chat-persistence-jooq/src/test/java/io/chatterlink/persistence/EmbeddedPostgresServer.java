package io.chatterlink.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (started on first use, on an ephemeral port, stopped when
 * the JVM exits), with a fresh database for each test. Its binaries and data live under {@code
 * target/}. As root, the library runs the server under {@code unshare -U}, since PostgreSQL refuses
 * to run as root.
 */
final class EmbeddedPostgresServer {
  private static final AtomicInteger databases = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** A new, empty database's URL in the libpq form {@code postgresql://user@host:port/name}. */
  static String freshDatabaseUrl() {
    EmbeddedPostgres pg = server();
    String name = "chat_test_" + databases.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test database", e);
    }
    return "postgresql://postgres:unused@localhost:" + pg.getPort() + "/" + name;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path root = Path.of("target", "embedded-pg").toAbsolutePath();
        Files.createDirectories(root);
        server =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(root.resolve("binaries").toFile())
                .setDataDirectory(Files.createTempDirectory(root, "data-"))
                .setCleanDataDirectory(true)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
    }
    return server;
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // The JVM is exiting; the data directory is under target/ and goes with the next clean.
    }
  }
}
