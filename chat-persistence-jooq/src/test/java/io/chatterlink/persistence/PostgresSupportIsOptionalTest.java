package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL support is an optional dependency (see this module's pom): each test loads the storage
 * in a class loader of its own, from this module's class path without the PostgreSQL driver and
 * Flyway's PostgreSQL and CockroachDB modules, as an SQLite embedder's build resolves it.
 */
class PostgresSupportIsOptionalTest {
  private static final List<String> POSTGRES_SUPPORT =
      List.of("/org/postgresql/", "/flyway-database-postgresql-", "/flyway-database-cockroachdb-");

  @TempDir Path folder;

  @Test
  void sqliteOpensWithoutThePostgresDriverOrFlywaysPostgresModules() throws Throwable {
    try (URLClassLoader loader = classPathWithout(POSTGRES_SUPPORT)) {
      assertAbsent(
          loader,
          "org.postgresql.Driver",
          "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
          "org.flywaydb.database.cockroachdb.CockroachDBDatabaseType");
      Path file = folder.resolve("chat.db");

      AutoCloseable storage = open(loader, "jdbc:sqlite:" + file);
      storage.close();

      assertThat(file).exists();
      assertThat(Files.size(file)).isPositive();
    }
  }

  @Test
  void aPostgresUrlWithoutThemNamesTheArtifactsToAdd() throws Exception {
    try (URLClassLoader loader = classPathWithout(POSTGRES_SUPPORT)) {
      for (String url :
          List.of("jdbc:postgresql://localhost/chat", "postgresql://chat:secret@localhost/chat")) {
        assertThatThrownBy(() -> open(loader, url))
            .as(url)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("PostgreSQL")
            .hasMessageContaining("org.postgresql:postgresql")
            .hasMessageContaining("org.flywaydb:flyway-database-postgresql")
            .hasMessageContaining("docs/embedding.md")
            .hasMessageNotContaining("secret");
      }
    }
  }

  @Test
  void withOnlyFlywaysModuleMissingOnlyItIsNamed() throws Exception {
    try (URLClassLoader loader = classPathWithout(POSTGRES_SUPPORT.subList(1, 3))) {
      assertThatThrownBy(() -> open(loader, "jdbc:postgresql://localhost/chat"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.flywaydb:flyway-database-postgresql")
          .hasMessageNotContaining("org.postgresql:postgresql");
    }
  }

  /** {@code JooqStorage.open(StorageSettings.of(url))}, in {@code loader}. */
  private static AutoCloseable open(ClassLoader loader, String url) throws Throwable {
    // DriverManager hands a caller only the drivers of its own class loader, and registers the
    // ones it found at its start, in this test's loader: load the loader's own SQLite driver.
    Class.forName("org.sqlite.JDBC", true, loader);
    Class<?> settings = loader.loadClass(StorageSettings.class.getName());
    Class<?> storage = loader.loadClass(JooqStorage.class.getName());
    assertThat(storage).isNotSameAs(JooqStorage.class);
    try {
      Object parsed = settings.getMethod("of", String.class).invoke(null, url);
      return (AutoCloseable) storage.getMethod("open", settings).invoke(null, parsed);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Proves the jars are really gone, so that no test here passes by finding them after all. */
  private static void assertAbsent(ClassLoader loader, String... classNames) {
    for (String name : classNames) {
      assertThatThrownBy(() -> Class.forName(name, false, loader))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  /** This test's class path (Surefire sets java.class.path to it) without the matching jars. */
  private static URLClassLoader classPathWithout(List<String> pathFragments) {
    URL[] urls =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    pathFragments.stream()
                        .noneMatch(entry.replace(File.separatorChar, '/')::contains))
            .map(PostgresSupportIsOptionalTest::url)
            .toArray(URL[]::new);
    return new URLClassLoader("without-postgres", urls, ClassLoader.getPlatformClassLoader());
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }
}
