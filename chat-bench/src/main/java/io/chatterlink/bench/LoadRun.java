package io.chatterlink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: set up accounts and rooms, connect and subscribe every client, send (warm-up, then the
 * measured window), drain, and collect the result. Client {@code i} logs in as account {@code i %
 * users}, joins room {@code i % rooms} and connects to target {@link BenchSettings#targetOf};
 * clients {@code 0..senders-1} send.
 */
final class LoadRun {
  private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);

  /** Closed loop: a message not back after this long frees its slot and counts as a timeout. */
  static final Duration CLOSED_LOOP_TIMEOUT = Duration.ofSeconds(10);

  /** How often the server's RSS is sampled for the peak. */
  private static final long RSS_SAMPLE_MILLIS = 250;

  /** Concurrent setup requests: the server runs at most 4 Argon2 hashes at once anyway. */
  private static final int SETUP_PARALLELISM = 4;

  /** Settling time between the last subscribe and the idle RSS sample. */
  private static final long SETTLE_MILLIS = 1_000;

  private final BenchSettings settings;
  private final ProcessStats proc;
  private final LongSupplier clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Tally tally = new Tally();
  private final List<Sender> senders = new ArrayList<>();
  private final BenchConnection[] connections;
  private final Histogram connectMicros = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
  private final Histogram joinMicros = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
  private volatile boolean finished;

  LoadRun(BenchSettings settings, ProcessStats proc) {
    this.settings = settings;
    this.proc = proc;
    this.connections = new BenchConnection[settings.clients()];
    long origin = System.nanoTime();
    this.clock = () -> System.nanoTime() - origin;
  }

  /**
   * Runs once; the accounts it registers get {@code password}.
   *
   * @throws IOException when the setup over HTTP fails
   */
  RunResult run(String password) throws IOException, InterruptedException {
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("bench-timer"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    try {
      return run(http, timers, password);
    } finally {
      finished = true;
      timers.shutdownNow();
    }
  }

  private RunResult run(HttpClient http, ScheduledExecutorService timers, String password)
      throws IOException, InterruptedException {
    long pid = settings.serverPid().orElse(-1);
    long self = ProcessHandle.current().pid();
    OptionalLong rssBefore = proc.rssKiB(pid);
    long t0 = clock.getAsLong();
    RunFixture fixture =
        RunFixture.create(
            new HttpSetup(http, settings.targets().first(), json),
            settings,
            password,
            SETUP_PARALLELISM);
    double setupSeconds = seconds(t0);
    long c0 = clock.getAsLong();
    runBounded(i -> connect(http, fixture, i));
    double connectSeconds = seconds(c0);
    if (connectMicros.getTotalCount() == 0) {
      throw new IOException(
          "no client could connect to " + settings.targets().servers() + "; see the log");
    }
    long j0 = clock.getAsLong();
    runBounded(i -> join(fixture, i));
    double joinSeconds = seconds(j0);
    int connected =
        connectMicros.getTotalCount() > Integer.MAX_VALUE ? 0 : (int) connectMicros.getTotalCount();
    LOG.info(
        "event=bench_ready connected={} setup_s={} connect_s={} join_s={}",
        connected,
        setupSeconds,
        connectSeconds,
        joinSeconds);
    Thread.sleep(SETTLE_MILLIS);
    OptionalLong rssIdle = proc.rssKiB(pid);

    AtomicLong rssPeak = new AtomicLong(rssIdle.orElse(0));
    var rssSampler =
        timers.scheduleAtFixedRate(
            () -> proc.rssKiB(pid).ifPresent(r -> rssPeak.accumulateAndGet(r, Math::max)),
            RSS_SAMPLE_MILLIS,
            RSS_SAMPLE_MILLIS,
            TimeUnit.MILLISECONDS);
    Optional<Pacer> pacer = startSending(timers);
    Thread.sleep(settings.warmup().toMillis());
    long w0 = clock.getAsLong();
    tally.openWindow(w0);
    OptionalDouble cpu0 = proc.cpuSeconds(pid);
    OptionalDouble self0 = proc.cpuSeconds(self);
    var machine0 = proc.machineTicks();
    Thread.sleep(settings.measured().toMillis());
    tally.closeWindow(clock.getAsLong());
    double windowSeconds = seconds(w0);
    OptionalDouble cpu1 = proc.cpuSeconds(pid);
    OptionalDouble self1 = proc.cpuSeconds(self);
    var machine1 = proc.machineTicks();
    senders.forEach(Sender::stop);
    pacer.ifPresent(Pacer::stop);
    long drainUntil = clock.getAsLong() + settings.drain().toNanos();
    while (!tally.allMeasuredDelivered() && clock.getAsLong() < drainUntil) {
      Thread.sleep(20);
    }
    rssSampler.cancel(false);
    OptionalLong rssEnd = proc.rssKiB(pid);
    OptionalLong rssAfterGc =
        settings.mode() == Mode.IDLE ? proc.rssAfterFullGcKiB(pid) : OptionalLong.empty();
    finished = true;
    for (BenchConnection c : connections) {
      if (c != null) {
        c.close();
      }
    }
    OptionalLong peak =
        rssEnd.isPresent()
            ? OptionalLong.of(Math.max(rssPeak.get(), rssEnd.getAsLong()))
            : OptionalLong.empty();
    ServerSample server =
        new ServerSample(
            settings.serverPid(), rssBefore, rssIdle, peak, rssEnd, rssAfterGc, minus(cpu1, cpu0));
    OptionalDouble busy =
        machine0.isPresent() && machine1.isPresent()
            ? machine1.get().busyFractionSince(machine0.get())
            : OptionalDouble.empty();
    return new RunResult(
        settings,
        connected,
        setupSeconds,
        connectSeconds,
        joinSeconds,
        connectMicros,
        joinMicros,
        windowSeconds,
        tally.counts(),
        pacer.map(Pacer::sendLagMicros),
        server,
        minus(self1, self0),
        busy,
        Runtime.getRuntime().availableProcessors());
  }

  private Optional<Pacer> startSending(ScheduledExecutorService timers) {
    if (settings.mode() == Mode.CLOSED) {
      senders.forEach(s -> s.startClosedLoop(settings.window()));
      long timeout = CLOSED_LOOP_TIMEOUT.toNanos();
      timers.scheduleAtFixedRate(
          () -> senders.forEach(s -> s.expire(timeout)), 1, 1, TimeUnit.SECONDS);
    } else if (settings.mode() == Mode.OPEN && !senders.isEmpty()) {
      Pacer pacer = new Pacer(senders, settings.ratePerSender(), clock);
      daemon("bench-pacer").newThread(pacer).start();
      return Optional.of(pacer);
    }
    return Optional.empty();
  }

  private CompletableFuture<?> connect(HttpClient http, RunFixture fixture, int i) {
    long start = clock.getAsLong();
    int room = settings.roomOf(i);
    int target = settings.targetOf(i);
    ClientEvents events =
        new ClientEvents(i, target, settings::targetOf, tally, clock, () -> finished);
    String cookie = fixture.account(settings.userOf(i)).cookieHeader();
    return BenchConnection.open(http, settings.targets().webSocket(target), cookie, json, events)
        .whenComplete(
            (c, e) -> {
              if (e != null) {
                tally.error("connect");
                LOG.warn(
                    "event=bench_connect_failed client={} target={} cause={}",
                    i,
                    settings.targets().servers().get(target),
                    e.toString());
                return;
              }
              record(connectMicros, start);
              connections[i] = c;
              if (i < settings.senders()) {
                Sender s =
                    new Sender(
                        i,
                        c,
                        fixture.roomId(room),
                        settings.membersOf(room),
                        settings.messageBytes(),
                        tally,
                        clock);
                synchronized (senders) {
                  senders.add(s);
                }
                events.sender(s);
              }
            });
  }

  private CompletableFuture<?> join(RunFixture fixture, int i) {
    BenchConnection c = connections[i];
    if (c == null) {
      return CompletableFuture.completedFuture(null);
    }
    long start = clock.getAsLong();
    String roomId = fixture.roomId(settings.roomOf(i));
    CompletableFuture<Inbound.Reply> done =
        c.subscribe(roomId, c.hello().lastSeqByRoom().getOrDefault(roomId, 0L));
    if (settings.historyOnJoin() > 0) {
      done =
          done.thenCompose(
              r ->
                  r.ok()
                      ? c.latestHistory(roomId, settings.historyOnJoin())
                      : CompletableFuture.completedFuture(r));
    }
    return done.whenComplete(
        (reply, e) -> {
          if (e != null) {
            tally.error("join_timeout");
          } else if (!reply.ok()) {
            tally.error("join_" + reply.code() + "_" + reply.error());
          }
          record(joinMicros, start);
        });
  }

  private void record(Histogram histogram, long startNanos) {
    long micros = Math.min((clock.getAsLong() - startNanos) / 1_000, Tally.HIGHEST_LATENCY_MICROS);
    synchronized (histogram) {
      histogram.recordValue(micros);
    }
  }

  /** Runs one asynchronous step per client, at most {@code connectConcurrency} at a time. */
  private void runBounded(IntFunction<CompletableFuture<?>> step) throws InterruptedException {
    Semaphore permits = new Semaphore(settings.connectConcurrency());
    for (int i = 0; i < settings.clients(); i++) {
      permits.acquire();
      step.apply(i).whenComplete((r, e) -> permits.release());
    }
    permits.acquire(settings.connectConcurrency());
  }

  private double seconds(long sinceNanos) {
    return (clock.getAsLong() - sinceNanos) / 1e9;
  }

  private static OptionalDouble minus(OptionalDouble later, OptionalDouble earlier) {
    return later.isPresent() && earlier.isPresent()
        ? OptionalDouble.of(later.getAsDouble() - earlier.getAsDouble())
        : OptionalDouble.empty();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
