package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start of an application with only the documented dependencies and no logging set up: no
 * SLF4J warning, no Flyway or jOOQ lines; the storage's one INFO line (on java.util.logging, the
 * JDK's default) is all it prints.
 */
class QuietFirstStartTest {
  @TempDir Path folder;

  @Test
  void theFirstStartPrintsOnlyTheStoragesLine() throws Exception {
    Path out = folder.resolve("out.txt");
    Path err = folder.resolve("err.txt");
    Process start =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FirstStart.class.getName(),
                folder.resolve("data").toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();

    assertThat(start.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends").isTrue();
    String stderr = Files.readString(err);
    assertThat(start.exitValue()).as(stderr).isZero();
    assertThat(Files.readString(out)).isEmpty();
    List<String> lines = stderr.lines().toList();
    assertThat(lines).as(stderr).hasSize(2);
    assertThat(lines.get(1))
        .isEqualTo("INFO: Storage open on SQLite with durability NORMAL, schema migrated");
  }
}
