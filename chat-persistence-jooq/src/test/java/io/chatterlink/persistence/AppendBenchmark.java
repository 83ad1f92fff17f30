package io.chatterlink.persistence;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Appends/s through {@link JooqStorage#messages()} on SQLite: one commit per message (a single
 * appender, so every group the writer takes holds one append) against group commit ({@value
 * #GROUPED_THREADS} concurrent appenders sharing the writer's transactions), with plain JDBC
 * autocommit INSERTs of a message row as the floor of one commit per row. Each trial gets a fresh
 * database under {@code target/jmh}, deleted afterwards. Never part of {@code verify}; run with
 * {@code ./mvnw -pl chat-persistence-jooq -Pbench test-compile exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class AppendBenchmark {
  /** Concurrent appenders in the grouped benchmark: enough to fill groups on 2 cores. */
  static final int GROUPED_THREADS = 64;

  /** A 100-character body, a typical chat line (the stores never look inside). */
  static final EncryptedBody BODY = new EncryptedBody("x".repeat(100));

  private static final Instant SENT_AT = StorageFixtures.T0;

  /** What every commit must survive; see {@link Durability}. */
  @Param({"NORMAL", "FULL"})
  public Durability durability;

  private final AtomicLong next = new AtomicLong();
  private Path file;
  private JooqStorage storage;
  private User sender;
  private RoomId room;
  private Connection jdbc;
  private PreparedStatement insertMessageRow;

  /** Opens a fresh database file and stores the one sender and room every append uses. */
  @Setup(Level.Trial)
  public void openFreshDatabase() throws Exception {
    file = BenchmarkDatabases.freshFile("append-" + durability + "-");
    StorageSettings settings = new StorageSettings("jdbc:sqlite:" + file, durability);
    storage = JooqStorage.open(settings);
    StorageFixtures fixtures = new StorageFixtures(storage);
    sender = fixtures.user("bench");
    room = fixtures.room();
    // The same pragmas as the storage's own connections; autocommit is the driver's default.
    jdbc = DriverManager.getConnection(DatabaseTarget.parse(settings).readUrl());
    insertMessageRow =
        jdbc.prepareStatement(
            "INSERT INTO messages (id, room_id, seq, sender, client_message_id, body, reply_to,"
                + " sent_at, edited_at, deleted) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?)");
  }

  /** Closes everything and deletes the database with its WAL and shared-memory files. */
  @TearDown(Level.Trial)
  public void closeAndDelete() throws Exception {
    insertMessageRow.close();
    jdbc.close();
    storage.close();
    BenchmarkDatabases.delete(file);
  }

  /** One appender: each append is its own group, so its own transaction and commit. */
  @Benchmark
  @Threads(1)
  public AppendOutcome appendOneCommitPerMessage() {
    return storage.messages().append(nextMessage());
  }

  /** Many appenders at once: the writer commits whatever is queued in one transaction. */
  @Benchmark
  @Threads(GROUPED_THREADS)
  public AppendOutcome appendGrouped() {
    return storage.messages().append(nextMessage());
  }

  /**
   * Baseline without jOOQ or the writer thread: one autocommit INSERT of a message row (the append
   * also writes a log row and the room's seq counter in its transaction).
   */
  @Benchmark
  @Threads(1)
  public int jdbcAutocommitInsert() throws SQLException {
    long n = next.incrementAndGet();
    insertMessageRow.setString(1, "j-" + n);
    insertMessageRow.setString(2, room.value());
    insertMessageRow.setLong(3, n);
    insertMessageRow.setString(4, sender.id().value());
    insertMessageRow.setString(5, "c-" + n);
    insertMessageRow.setString(6, BODY.token());
    insertMessageRow.setLong(7, Instants.toNanos(SENT_AT));
    insertMessageRow.setBoolean(8, false);
    return insertMessageRow.executeUpdate();
  }

  /** A post with a message id and client message id never used before in this trial. */
  private NewMessage nextMessage() {
    long n = next.incrementAndGet();
    return new NewMessage(
        new MessageId("m-" + n),
        room,
        sender.id(),
        new ClientMessageId("c-" + n),
        BODY,
        List.of(),
        Optional.empty(),
        SENT_AT);
  }
}
