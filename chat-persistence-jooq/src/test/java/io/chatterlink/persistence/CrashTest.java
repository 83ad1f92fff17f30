package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit before acknowledge, tested the hard way: a child JVM appends from several threads and
 * reports each acknowledged message; it is killed with SIGKILL at a random moment, five times.
 * After each kill every acknowledged message is stored exactly once, each room's seqs are gap-free,
 * and SQLite's integrity check passes.
 */
class CrashTest {
  private static final int ROUNDS = 5;
  private static final int MIN_ACKS_BEFORE_KILL = 20;
  private static final int MAX_ACKS_BEFORE_KILL = 600;

  /** Only stops a broken child from hanging the build; it measures nothing. */
  private static final long HANG_GUARD_SECONDS = 120;

  @TempDir Path folder;

  @Test
  void everyAcknowledgedMessageSurvivesSigkillExactlyOnceAndTheFileStaysIntact() throws Exception {
    Path db = folder.resolve("crash.db");
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    Map<MessageId, Ack> acknowledged = new HashMap<>();
    for (int round = 1; round <= ROUNDS; round++) {
      int killAfter =
          MIN_ACKS_BEFORE_KILL + random.nextInt(MAX_ACKS_BEFORE_KILL - MIN_ACKS_BEFORE_KILL);
      List<Ack> acks = runAndKill(db, "r" + round, killAfter);
      assertThat(acks)
          .as("acks in round %d (seed %d)", round, seed)
          .hasSizeGreaterThanOrEqualTo(killAfter);
      acks.forEach(ack -> acknowledged.put(ack.id(), ack));

      assertThat(integrityCheck(db)).isEqualTo("ok");
      try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db))) {
        for (Ack ack : acknowledged.values()) {
          StoredMessage stored =
              storage
                  .messages()
                  .find(ack.id())
                  .orElseThrow(() -> new AssertionError("lost " + ack + " (seed " + seed + ")"));
          assertThat(stored.seq()).isEqualTo(ack.seq());
          assertThat(stored.roomId()).isEqualTo(ack.room());
        }
        for (RoomId room : CrashTestWriter.ROOMS) {
          List<Long> seqs = allEntries(storage, room).stream().map(LogEntry::seq).toList();
          assertThat(seqs)
              .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
          assertThat(storage.messages().lastSeq(room)).isEqualTo(seqs.size());
          assertThat(
                  allEntries(storage, room).stream().map(e -> e.message().id()).distinct().count())
              .isEqualTo(seqs.size());
        }
      }
    }
  }

  private List<Ack> runAndKill(Path db, String run, int killAfter)
      throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true",
                "-cp",
                System.getProperty("java.class.path"),
                CrashTestWriter.class.getName(),
                db.toString(),
                run)
            .redirectError(folder.resolve(run + ".stderr").toFile())
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(child, lines));
    reader.start();
    List<Ack> acks = new ArrayList<>();
    try {
      while (acks.size() < killAfter) {
        String line = lines.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("child output (see %s.stderr)", run).isNotNull().isNotEqualTo("EOF");
        Ack.parse(line).ifPresent(acks::add);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }
    reader.join();
    // Lines the child printed before it died are acknowledgements too.
    for (String line = lines.poll(); line != null; line = lines.poll()) {
      Ack.parse(line).ifPresent(acks::add);
    }
    return acks;
  }

  private static void readLines(Process child, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The pipe breaks when the child is killed: what was read is what was acknowledged.
    }
    lines.add("EOF");
  }

  private static List<LogEntry> allEntries(JooqStorage storage, RoomId room) {
    List<LogEntry> all = new ArrayList<>();
    List<LogEntry> batch;
    do {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
      batch = storage.messages().entriesAfter(room, after, 500);
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  private static String integrityCheck(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      return r.getString(1);
    }
  }

  /** One acknowledgement line; a line cut short by the kill is not one. */
  private record Ack(MessageId id, RoomId room, long seq) {
    static Optional<Ack> parse(String line) {
      String[] parts = line.split(" ");
      if (parts.length != 5 || !parts[0].equals("ACK") || !parts[4].equals("END")) {
        return Optional.empty();
      }
      return Optional.of(
          new Ack(new MessageId(parts[1]), new RoomId(parts[2]), Long.parseLong(parts[3])));
    }
  }
}
