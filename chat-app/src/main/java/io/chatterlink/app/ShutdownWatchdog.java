package io.chatterlink.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort of the {@code serve} command: once a shutdown has started, the process is halted
 * (exit status 1) if it is still running after {@code grace} plus {@link #MARGIN} beyond {@link
 * ChatServer#SHUTDOWN_OVERRUN}. {@link ChatServer#close()} bounds its own steps, so the watchdog
 * fires only if something it does not bound hangs (a library's stop, the JVM's other shutdown
 * hooks). Only the command arms it: an embedder's JVM is never halted.
 */
final class ShutdownWatchdog {
  /** Added to the grace and {@link ChatServer#SHUTDOWN_OVERRUN} before the process is halted. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownWatchdog.class);

  private ShutdownWatchdog() {}

  /** How long after the start of a shutdown with this grace the process is halted. */
  static Duration limit(Duration grace) {
    return grace.plus(ChatServer.SHUTDOWN_OVERRUN).plus(MARGIN);
  }

  /** Starts the (daemon) watchdog thread: {@code halt} runs after {@code limit} from now. */
  static void arm(Duration limit, Runnable halt) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(limit.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              LOG.error("event=shutdown_halted after_ms={}", limit.toMillis());
              halt.run();
            },
            "chatterlink-shutdown-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
