package io.chatterlink.persistence;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether this node's message commits are failing, and the log lines that say so. The {@link
 * GroupCommitWriter} reports every committed group and every failed write here.
 *
 * <p>Commits count as failing while the latest write failed and no group has committed since, for
 * at most {@link #FAILING_WINDOW_SECONDS} after the latest failure: a node that gets no more writes
 * (because a load balancer took it out on this very signal) reports healthy again after that
 * window, and is taken out again at its next failed write. Failures are logged as one WARN at most
 * every {@link #WARN_INTERVAL_SECONDS} (with the number of failed writes since the previous one),
 * so that a full disk or a locked database cannot flood the log; recovery is logged once at INFO.
 * Per node by nature: it describes this process's own writes.
 */
final class CommitHealth {
  /** How long after the latest failed write commits still count as failing, without a success. */
  static final long FAILING_WINDOW_SECONDS = 30;

  /** Fewest seconds between two WARN lines about failing writes. */
  static final long WARN_INTERVAL_SECONDS = 10;

  private static final System.Logger log = System.getLogger(CommitHealth.class.getName());

  private final LongSupplier nanoTime;
  private long failedSinceCommit;
  private long failedSinceWarning;
  private long lastFailureNanos;
  private long lastWarningNanos;
  private boolean warned;

  CommitHealth(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** A group committed: commits work again. */
  synchronized void committed() {
    if (failedSinceCommit > 0) {
      log.log(Level.INFO, "event=commits_recovered failed_writes=" + failedSinceCommit);
    }
    failedSinceCommit = 0;
    failedSinceWarning = 0;
    warned = false;
  }

  /** A write failed and nothing of it was stored. */
  synchronized void failed(Throwable cause) {
    long now = nanoTime.getAsLong();
    failedSinceCommit++;
    failedSinceWarning++;
    lastFailureNanos = now;
    if (!warned || now - lastWarningNanos >= TimeUnit.SECONDS.toNanos(WARN_INTERVAL_SECONDS)) {
      log.log(
          Level.WARNING,
          "event=commits_failing failed_writes="
              + failedSinceWarning
              + " error="
              + rootCause(cause).getClass().getSimpleName()
              + " reason=\""
              + reason(cause)
              + "\"");
      warned = true;
      lastWarningNanos = now;
      failedSinceWarning = 0;
    }
  }

  /** True while commits are failing, as described above. */
  synchronized boolean failing() {
    return failedSinceCommit > 0
        && nanoTime.getAsLong() - lastFailureNanos
            < TimeUnit.SECONDS.toNanos(FAILING_WINDOW_SECONDS);
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The root cause's message on one line; the database's messages carry no bound values. */
  private static String reason(Throwable t) {
    String message = rootCause(t).getMessage();
    return message == null ? "" : message.replaceAll("\\s+", " ").replace('"', '\'');
  }
}
