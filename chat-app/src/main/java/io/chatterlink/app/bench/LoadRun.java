package io.chatterlink.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: set up accounts and rooms, connect and subscribe every client, send (warm-up, then the
 * measured window), drain, and collect the result. Client {@code i} logs in as account {@code i %
 * users}, joins room {@code i % rooms}; clients {@code 0..senders-1} send.
 */
final class LoadRun {
  private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
  /** Closed loop: a message not back after this long frees its window slot and counts as a timeout. */
  static final Duration CLOSED_LOOP_TIMEOUT = Duration.ofSeconds(10);
  /** How often the server's RSS is sampled for the peak. */
  private static final long RSS_SAMPLE_MILLIS = 250;
  /** Concurrent registrations: the server runs at most 4 Argon2 hashes at once. */
  private static final int SETUP_PARALLELISM = 4;

  private final BenchSettings settings;
  private final ProcessStats proc;
  private final LongSupplier clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Tally tally = new Tally();

  LoadRun(BenchSettings settings, ProcessStats proc) {
    this.settings = settings;
    this.proc = proc;
    long origin = System.nanoTime();
    this.clock = () -> System.nanoTime() - origin;
  }

  RunResult run(String password) throws IOException, InterruptedException {
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("bench-timer"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    try {
      return run(http, timers, password);
    } finally {
      timers.shutdownNow();
    }
  }

  private RunResult run(HttpClient http, ScheduledExecutorService timers, String password)
      throws IOException, InterruptedException {
    long pid = settings.serverPid().orElse(-1);
    var rssBefore = proc.rssKiB(pid);
    long t0 = clock.getAsLong();
    RunFixture fixture = RunFixture.create(new HttpSetup(http, settings.server(), json), settings, password,
        SETUP_PARALLELISM);
    double setupSeconds = seconds(clock.getAsLong() - t0);
    LOG.info("event=bench_setup accounts={} rooms={} seconds={}", settings.users(), settings.rooms(), setupSeconds);

    List<Sender> senders = new ArrayList<>();
    BenchConnection[] connections = new BenchConnection[settings.clients()];
    Histogram connectMicros = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    long c0 = clock.getAsLong();
    runBounded(settings.clients(), i -> connect(http, fixture, i, connections, senders, connectMicros)
        .thenApply(c -> null));
    double connectSeconds = seconds(clock.getAsLong() - c0);
    int connected = 0;
    for (BenchConnection c : connections) {
      connected += c == null ? 0 : 1;
    }
    LOG.info("event=bench_connected clients={} of={} seconds={}", connected, settings.clients(), connectSeconds);

    Histogram joinMicros = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    long j0 = clock.getAsLong();
    runBounded(settings.clients(), i -> join(fixture, i, connections[i], joinMicros));
    double joinSeconds = seconds(clock.getAsLong() - j0);
    Thread.sleep(1_000);
    var rssIdle = proc.rssKiB(pid);

    long[] rssPeak = {rssIdle.orElse(0)};
    var rssSampler = timers.scheduleAtFixedRate(
        () -> proc.rssKiB(pid).ifPresent(r -> rssPeak[0] = Math.max(rssPeak[0], r)),
        RSS_SAMPLE_MILLIS, RSS_SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    Optional<Pacer> pacer = Optional.empty();
    Thread pacerThread = null;
    if (settings.mode() == Mode.CLOSED) {
      senders.forEach(s -> s.startClosedLoop(settings.window()));
      long timeout = CLOSED_LOOP_TIMEOUT.toNanos();
      timers.scheduleAtFixedRate(() -> senders.forEach(s -> s.expire(timeout)), 1, 1, TimeUnit.SECONDS);
    } else if (settings.mode() == Mode.OPEN && !senders.isEmpty()) {
      pacer = Optional.of(new Pacer(senders, settings.ratePerSender(), clock));
      pacerThread = daemon("bench-pacer").newThread(pacer.get());
      pacerThread.start();
    }
    Thread.sleep(settings.warmup().toMillis());
    tally.openWindow(clock.getAsLong());
    var cpu0 = proc.cpuSeconds(pid);
    var self0 = proc.cpuSeconds(ProcessHandle.current().pid());
    var machine0 = proc.machineTicks();
    long w0 = clock.getAsLong();
    Thread.sleep(settings.measured().toMillis());
    tally.closeWindow(clock.getAsLong());
    double windowSeconds = seconds(clock.getAsLong() - w0);
    var cpu1 = proc.cpuSeconds(pid);
    var self1 = proc.cpuSeconds(ProcessHandle.current().pid());
    var machine1 = proc.machineTicks();
    senders.forEach(Sender::stop);
    pacer.ifPresent(Pacer::stop);
    if (pacerThread != null) {
      pacerThread.join();
    }
    long drainUntil = clock.getAsLong() + settings.drain().toNanos();
    while (!tally.allMeasuredDelivered() && clock.getAsLong() < drainUntil) {
      Thread.sleep(20);
    }
    rssSampler.cancel(false);
    var rssEnd = proc.rssKiB(pid);
    for (BenchConnection c : connections) {
      if (c != null) {
        c.close();
      }
    }
    ServerSample server = new ServerSample(
        settings.serverPid(), rssBefore, rssIdle,
        settings.serverPid().isPresent() ? java.util.OptionalLong.of(Math.max(rssPeak[0], rssEnd.orElse(0)))
            : java.util.OptionalLong.empty(),
        rssEnd, difference(cpu0, cpu1));
    return new RunResult(settings, connected, setupSeconds, connectSeconds, joinSeconds, connectMicros,
        joinMicros, windowSeconds, tally.counts(), pacer.map(Pacer::sendLagMicros), server,
        difference(self0, self1),
        machine0.flatMap(a -> machine1.map(b -> b.busyFractionSince(a)))
            .orElse(java.util.OptionalDouble.empty()),
        Runtime.getRuntime().availableProcessors());
  }

  private CompletableFuture<BenchConnection> connect(HttpClient http, RunFixture fixture, int i,
      BenchConnection[] connections, List<Sender> senders, Histogram connectMicros) {
    long start = clock.getAsLong();
    int room = settings.roomOf(i);
    ClientEvents events = new ClientEvents(i, tally, clock, senders);
    return BenchConnection.open(http, settings.webSocket(), fixture.account(settings.userOf(i)).cookieHeader(),
            json, events)
        .whenComplete((c, e) -> {
          if (e != null) {
            tally.error("connect");
            LOG.warn("event=bench_connect_failed client={} cause={}", i, e.toString());
            return;
          }
          synchronized (connectMicros) {
            connectMicros.recordValue(Math.min((clock.getAsLong() - start) / 1_000, Tally.HIGHEST_LATENCY_MICROS));
          }
          connections[i] = c;
          if (i < settings.senders()) {
            Sender s = new Sender(i, c, fixture.roomId(room), settings.membersOf(room), settings.messageBytes(),
                tally, clock);
            synchronized (senders) {
              senders.add(s);
            }
            events.sender(s);
          }
        });
  }

  private CompletableFuture<Void> join(RunFixture fixture, int i, BenchConnection c, Histogram joinMicros) {
    if (c == null) {
      return CompletableFuture.completedFuture(null);
    }
    long start = clock.getAsLong();
    String roomId = fixture.roomId(settings.roomOf(i));
    CompletableFuture<Inbound.Reply> done = c.subscribe(roomId, c.hello().lastSeqByRoom().getOrDefault(roomId, 0L));
    if (settings.historyOnJoin() > 0) {
      done = done.thenCompose(r -> r.ok() ? c.latestHistory(roomId, settings.historyOnJoin())
          : CompletableFuture.completedFuture(r));
    }
    return done.thenAccept(reply -> {
      if (!reply.ok()) {
        tally.error("join_" + reply.code() + "_" + reply.error());
      }
      synchronized (joinMicros) {
        joinMicros.recordValue(Math.min((clock.getAsLong() - start) / 1_000, Tally.HIGHEST_LATENCY_MICROS));
      }
    });
  }

  /** Runs {@code count} asynchronous steps, at most {@code connectConcurrency} at a time. */
  private void runBounded(int count, java.util.function.IntFunction<CompletableFuture<?>> step)
      throws InterruptedException {
    Semaphore permits = new Semaphore(settings.connectConcurrency());
    List<CompletableFuture<?>> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      permits.acquire();
      all.add(step.apply(i).whenComplete((r, e) -> permits.release()));
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a bounded step failed unexpectedly", e);
    }
  }

  private static java.util.OptionalDouble difference(java.util.OptionalDouble a, java.util.OptionalDouble b) {
    return a.isPresent() && b.isPresent()
        ? java.util.OptionalDouble.of(b.getAsDouble() - a.getAsDouble())
        : java.util.OptionalDouble.empty();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
