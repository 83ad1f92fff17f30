package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedder who depends on this module for SQLite, and sets up no logging, starts in a fresh JVM
 * without an SLF4J "no providers" warning (this module does not bring SLF4J: it logs through the
 * JDK's System.Logger), without Flyway's INFO lines (they arrive as DEBUG, see {@code FlywayLogs})
 * and without jOOQ's banner or tip of the day. What is left on standard error is this module's one
 * INFO line, shown by java.util.logging, the JDK's default.
 */
class QuietFirstStartTest {
  /**
   * Jars on this test's class path that an SQLite embedder does not get: the optional PostgreSQL
   * support, the tests' logging, the embedded PostgreSQL server and the benchmarks.
   */
  private static final List<String> NOT_AN_EMBEDDERS =
      List.of(
          "/org/postgresql/",
          "/flyway-database-",
          "/ch/qos/logback/",
          "/org/slf4j/",
          "/io/zonky/",
          "/org/openjdk/jmh/");

  @TempDir Path folder;

  @Test
  void aFirstStartOnSqlitePrintsOnlyTheStoragesOwnLine() throws Exception {
    Path out = folder.resolve("out.txt");
    Path err = folder.resolve("err.txt");
    Process start =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                embeddersClassPath(),
                QuietFirstStart.class.getName(),
                folder.resolve("data").resolve("chat.db").toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();

    assertThat(start.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends").isTrue();
    assertThat(start.exitValue()).as(read(err)).isZero();
    assertThat(read(out)).isEmpty();
    List<String> errLines = read(err).lines().toList();
    assertThat(errLines)
        .as("standard error")
        .hasSize(2)
        .noneMatch(line -> line.contains("SLF4J"))
        .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("flyway"))
        .noneMatch(line -> line.contains("jOOQ"));
    assertThat(errLines.get(0)).contains(JooqStorage.class.getName());
    assertThat(errLines.get(1))
        .isEqualTo("INFO: Storage open on SQLite with durability NORMAL, schema migrated");
  }

  @Test
  void theEmbeddersClassPathHasNoSlf4jNorPostgres() {
    assertThat(embeddersClassPath())
        .contains("sqlite-jdbc", "flyway-core", "jooq")
        .doesNotContain("slf4j", "logback", "postgresql");
  }

  private static String embeddersClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry ->
                NOT_AN_EMBEDDERS.stream()
                    .noneMatch(entry.replace(File.separatorChar, '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
