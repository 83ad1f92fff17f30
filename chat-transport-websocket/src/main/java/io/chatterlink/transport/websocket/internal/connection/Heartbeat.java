package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.ChatCore;
import io.chatterlink.transport.websocket.TransportSettings;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's clockwork: pings every socket each ping interval, closes those silent for the
 * idle timeout within {@link #idleCheckPeriod} of it (not only at the next ping, which made the
 * close up to a ping interval late), and lets the core expire typing once a second.
 */
public final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  /** An idle socket is closed at most this long after its idle timeout. */
  public static final Duration MAX_IDLE_CHECK_PERIOD = Duration.ofSeconds(1);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          TransportRuntime.daemonThreads("chatterlink-ws-heartbeat"));

  public Heartbeat(TransportRuntime runtime, ChatCore core) {
    TransportSettings settings = runtime.settings();
    long idleNanos = settings.idleTimeout().toNanos();
    long pingMillis = settings.pingInterval().toMillis();
    timer.scheduleAtFixedRate(
        () ->
            guarded(
                () -> {
                  long now = System.nanoTime();
                  runtime
                      .registry()
                      .all()
                      .forEach(
                          c -> {
                            if (!c.closeIfIdle(now, idleNanos)) {
                              c.ping();
                            }
                          });
                }),
        pingMillis,
        pingMillis,
        TimeUnit.MILLISECONDS);
    long checkMillis = idleCheckPeriod(settings.idleTimeout()).toMillis();
    timer.scheduleAtFixedRate(
        () ->
            guarded(
                () -> {
                  long now = System.nanoTime();
                  runtime.registry().all().forEach(c -> c.closeIfIdle(now, idleNanos));
                }),
        checkMillis,
        checkMillis,
        TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(
        () -> guarded(() -> core.presence().expireTyping()), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * How often silence is checked: every second, or a tenth of a shorter timeout. A check costs one
   * clock comparison per socket.
   */
  public static Duration idleCheckPeriod(Duration idleTimeout) {
    long millis = Math.max(1, idleTimeout.toMillis() / 10);
    return Duration.ofMillis(Math.min(MAX_IDLE_CHECK_PERIOD.toMillis(), millis));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** A failed tick must not cancel the schedule, which is what an escaping exception does. */
  private static void guarded(Runnable tick) {
    try {
      tick.run();
    } catch (RuntimeException e) {
      LOG.error("heartbeat tick failed", e);
    }
  }
}
