package io.chatterlink.transport.websocket;

import io.chatterlink.core.ChatCore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's clockwork: pings every socket each ping interval (closing those silent for the
 * idle timeout) and lets the core expire typing once a second.
 */
final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          TransportRuntime.daemonThreads("chatterlink-ws-heartbeat"));

  Heartbeat(TransportRuntime runtime, ChatCore core) {
    TransportSettings settings = runtime.settings();
    long idleNanos = settings.idleTimeout().toNanos();
    long pingMillis = settings.pingInterval().toMillis();
    timer.scheduleAtFixedRate(
        () ->
            guarded(
                () -> {
                  long now = System.nanoTime();
                  runtime.registry().all().forEach(c -> c.heartbeat(now, idleNanos));
                }),
        pingMillis,
        pingMillis,
        TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(
        () -> guarded(() -> core.presence().expireTyping()), 1, 1, TimeUnit.SECONDS);
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
