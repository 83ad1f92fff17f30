package io.chatterlink.cluster.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL server per test JVM (started on first use, on an ephemeral port, stopped when
 * the JVM exits), its binaries and data under {@code target/}. Tests keep apart by channel.
 */
public final class EmbeddedPostgresServer {
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** The JDBC URL of the server's {@code postgres} database (user and password: postgres). */
  public static synchronized String jdbcUrl() {
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
    return server.getJdbcUrl("postgres", "postgres");
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // The JVM is exiting; the data directory is under target/ and goes with the next clean.
    }
  }
}
