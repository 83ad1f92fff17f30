package io.chatterlink.app;

import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs the server in a child JVM and stands in for it: the child shares this process's standard
 * input, output and error; a SIGTERM, SIGINT or SIGHUP that ends this JVM is passed on to the child
 * as SIGTERM (so its graceful shutdown runs), and this process ends with the child's exit status
 * once the child has ended, whichever ended first. The child in turn stops when this process
 * disappears ({@link LauncherWatch}), so that a SIGKILL here leaves nothing running for long.
 */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * Starts {@code command} and waits for it; then (and, on a signal, from the shutdown hook) runs
   * {@code ended} with the child's exit status and halts this JVM with that status. Never returns
   * normally once the child has started.
   *
   * @throws IOException if the child cannot be started (nothing then runs: serve in this JVM)
   */
  static void runAndExit(List<String> command, IntConsumer ended) throws IOException {
    Process child = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> standIn(child, ended), "chatterlink-launcher-shutdown"));
    // System.exit runs the hook above, which waits for the child and halts with its status.
    System.exit(awaitExit(child));
  }

  /** The shutdown hook: passes the signal on, waits, and ends with the child's status. */
  private static void standIn(Process child, IntConsumer ended) {
    int status = stop(child);
    ended.accept(status);
    Runtime.getRuntime().halt(status);
  }

  /**
   * Sends the child SIGTERM if it still runs (its graceful shutdown is bounded by its own watchdog)
   * and returns its exit status once it has ended.
   */
  static int stop(Process child) {
    if (child.isAlive()) {
      child.destroy();
    }
    return awaitExit(child);
  }

  /** The child's exit status (128 + the signal's number when a signal ended it). */
  static int awaitExit(Process child) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return child.waitFor();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
