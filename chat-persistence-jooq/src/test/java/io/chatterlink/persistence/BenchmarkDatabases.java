package io.chatterlink.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The SQLite files the JMH benchmarks open fresh for a trial and delete after it. */
final class BenchmarkDatabases {
  private BenchmarkDatabases() {}

  /** A path under {@code target/jmh} where no file exists yet: the storage creates it. */
  static Path freshFile(String prefix) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "jmh"));
    Path file = Files.createTempFile(dir, prefix, ".db");
    Files.delete(file);
    return file;
  }

  /** Deletes the database and its WAL and shared-memory files. */
  static void delete(Path file) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }
}
