package io.chatterlink.app;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a child JVM started by the {@link Launcher}: shuts the server down gracefully when the
 * launcher disappears without passing on a signal (a SIGKILL, a crash), so that no server is left
 * running that nobody can reach by the pid they were given. The JDK notices the end of a process
 * that is not its child by polling (every 5 s at most).
 */
final class LauncherWatch {
  /** The exit status when the launcher vanished: as after a SIGTERM. */
  static final int LAUNCHER_GONE = 143;

  private static final Logger LOG = LoggerFactory.getLogger(LauncherWatch.class);

  private LauncherWatch() {}

  /** Starts watching if this JVM was started by the launcher; does nothing otherwise. */
  static void startIfLaunched() {
    launcherExit(System.getProperty(JvmDefaults.LAUNCHER_PID_PROPERTY), ProcessHandle.current())
        .ifPresent(exit -> exit.thenRun(LauncherWatch::launcherGone));
  }

  /**
   * Completes when the launcher named by {@code launcherPid} has ended: at once if {@code self}'s
   * parent is no longer that launcher (it ended before this JVM looked). Empty when there is no
   * launcher to watch (no property, or a malformed one).
   */
  static Optional<CompletableFuture<?>> launcherExit(String launcherPid, ProcessHandle self) {
    if (launcherPid == null) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(launcherPid.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(
        self.parent()
            .filter(parent -> parent.pid() == pid)
            .<CompletableFuture<?>>map(ProcessHandle::onExit)
            .orElseGet(() -> CompletableFuture.completedFuture(null)));
  }

  private static void launcherGone() {
    LOG.warn("event=launcher_gone action=shutdown");
    System.exit(LAUNCHER_GONE);
  }
}
