package io.chatterlink.persistence;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * The append path under the shape of the load generator's many-rooms scenario (R): 100 rooms,
 * message ids from the core's generator, client message ids as random as a browser's, a database
 * that already holds {@value #PREFILL} messages, and {@value #APPENDERS} concurrent appenders.
 * Besides appends/s it prints the group-commit thread's CPU per append for each iteration, the
 * number the server-level profile measured at 130–150 µs while {@link AppendBenchmark} (one room,
 * counting ids, a fresh database) gave 18 µs. Never part of {@code verify}; run with {@code ./mvnw
 * -pl chat-persistence-jooq -Pbench test-compile exec:exec@bench -Djmh.bench=CommitPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class CommitPathBenchmark {
  static final int ROOMS = 100;
  static final int PREFILL = 100_000;
  static final int APPENDERS = 64;

  /** A Fernet token's length for a 100-character message. */
  static final EncryptedBody BODY =
      new EncryptedBody("g".repeat(240), Optional.of(new KeyFingerprint("0123456789abcdef")));

  /** How message ids are made: the core's 128 random bits, or time-ordered. */
  @Param({"random", "timeOrdered"})
  public String ids;

  private IdGenerator generator;
  private Path file;
  private JooqStorage storage;
  private User sender;
  private final List<RoomId> rooms = new ArrayList<>();
  private long writerThread;
  private long cpuAtStart;
  private long appendsAtStart;
  private long processCpuAtStart;
  private final java.util.concurrent.atomic.AtomicLong appends =
      new java.util.concurrent.atomic.AtomicLong();

  /** A fresh database with {@value #ROOMS} rooms and {@value #PREFILL} messages in them. */
  @Setup(Level.Trial)
  public void openAndFill() throws Exception {
    generator = "random".equals(ids) ? IdGenerator.random() : IdGenerator.timeOrdered();
    file = BenchmarkDatabases.freshFile("commit-path-" + ids + "-");
    storage = JooqStorage.open(new StorageSettings("jdbc:sqlite:" + file, Durability.NORMAL));
    StorageFixtures fixtures = new StorageFixtures(storage);
    sender = fixtures.user("bench");
    for (int i = 0; i < ROOMS; i++) {
      rooms.add(fixtures.room());
    }
    ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);
    List<Future<?>> filling = new ArrayList<>();
    for (int t = 0; t < APPENDERS; t++) {
      filling.add(
          pool.submit(
              () -> {
                for (int i = 0; i < PREFILL / APPENDERS; i++) {
                  storage.messages().append(nextMessage());
                }
              }));
    }
    for (Future<?> f : filling) {
      f.get();
    }
    pool.shutdown();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().equals("chatterlink-group-commit")) {
        writerThread = info.getThreadId();
      }
    }
  }

  /** Notes the writer's CPU time before each iteration. */
  @Setup(Level.Iteration)
  public void noteWriterCpu() {
    cpuAtStart = ManagementFactory.getThreadMXBean().getThreadCpuTime(writerThread);
    appendsAtStart = appends.get();
    processCpuAtStart = processCpu();
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Prints the writer's CPU per append over the iteration. */
  @TearDown(Level.Iteration)
  public void printWriterCpu() {
    long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(writerThread) - cpuAtStart;
    long n = appends.get() - appendsAtStart;
    long process = processCpu() - processCpuAtStart;
    System.out.printf(
        "%n[writer CPU per append, ids=%s: %.1f us; whole process %.1f us; %d appends]%n",
        ids, cpu / 1e3 / n, process / 1e3 / n, n);
  }

  /** Closes the storage and deletes the database. */
  @TearDown(Level.Trial)
  public void closeAndDelete() throws Exception {
    storage.close();
    BenchmarkDatabases.delete(file);
  }

  /** Appends to a random room, as 100 senders in 100 rooms do. */
  @Benchmark
  @Threads(APPENDERS)
  public AppendOutcome appendToManyRooms() {
    appends.incrementAndGet();
    return storage.messages().append(nextMessage());
  }

  private NewMessage nextMessage() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new NewMessage(
        new MessageId(generator.next()),
        rooms.get(random.nextInt(ROOMS)),
        sender.id(),
        new ClientMessageId(new java.util.UUID(random.nextLong(), random.nextLong()).toString()),
        BODY,
        List.of(),
        Optional.empty(),
        Instant.now());
  }
}
