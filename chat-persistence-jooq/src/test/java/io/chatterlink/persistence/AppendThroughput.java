package io.chatterlink.persistence;

import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark run by hand, never by the tests: appends/s through {@link JooqStorage} on SQLite with
 * 1 thread and with 64 concurrent threads (group commit), each on a fresh file under target/.
 * Usage, from the repository root (system properties, since {@code exec.args} would also reach the
 * build's code-generation step):
 *
 * <pre>./mvnw -pl chat-persistence-jooq test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.chatterlink.persistence.AppendThroughput -Dappends=20000 -Ddurability=NORMAL
 * </pre>
 */
public final class AppendThroughput {
  private AppendThroughput() {}

  public static void main(String[] args) throws Exception {
    int appends = Integer.getInteger("appends", 20_000);
    Durability durability = Durability.valueOf(System.getProperty("durability", "NORMAL"));
    boolean postgres = System.getProperty("database", "sqlite").equals("postgres");
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    run(dir, 1, appends / 10, durability, postgres); // warm-up
    run(dir, 64, appends / 10, durability, postgres); // warm-up
    double single = run(dir, 1, appends, durability, postgres);
    double concurrent = run(dir, 64, appends, durability, postgres);
    System.out.printf(
        "%s, durability %s, %d appends per run%n",
        postgres ? "embedded PostgreSQL" : "SQLite", durability, appends);
    System.out.printf(" 1 thread:   %,10.0f appends/s%n", single);
    System.out.printf("64 threads:  %,10.0f appends/s%n", concurrent);
    System.out.printf("ratio 64/1:  %10.1f%n", concurrent / single);
  }

  private static double run(
      Path dir, int threads, int appends, Durability durability, boolean postgres)
      throws Exception {
    Path file = Files.createTempFile(dir, "append-", ".db");
    Files.delete(file);
    String url = postgres ? EmbeddedPostgresServer.freshDatabaseUrl() : "jdbc:sqlite:" + file;
    try (JooqStorage storage = JooqStorage.open(new StorageSettings(url, durability))) {
      StorageFixtures fixtures = new StorageFixtures(storage);
      User sender = fixtures.user("bench");
      List<RoomId> rooms =
          List.of(fixtures.room(), fixtures.room(), fixtures.room(), fixtures.room());
      List<NewMessage> messages = new ArrayList<>(appends);
      for (int i = 0; i < appends; i++) {
        messages.add(fixtures.newMessage(rooms.get(i % rooms.size()), sender, "x".repeat(120)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < appends; i += threads) {
                    storage.messages().append(messages.get(i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      return appends / seconds;
    } finally {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    }
  }
}
