package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failing commits are reported to the health check and logged, at most one WARN per interval. */
class CommitHealthTest {
  private static final Exception LOCKED =
      new IllegalStateException(
          "writing", new SQLException("[SQLITE_BUSY] The database file is locked"));

  private final AtomicLong now = new AtomicLong(1_000);
  private final CommitHealth health = new CommitHealth(now::get);
  private final Logger logger = (Logger) LoggerFactory.getLogger(CommitHealth.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    logger.detachAppender(log);
    logger.setLevel(null);
  }

  @Test
  void manyFailuresInOneIntervalLogOneWarningAndTheNextOneCountsTheRest() {
    for (int i = 0; i < 500; i++) {
      health.failed(LOCKED);
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10)); // 5 s in all
    }
    now.addAndGet(TimeUnit.SECONDS.toNanos(CommitHealth.WARN_INTERVAL_SECONDS));
    health.failed(LOCKED);

    assertThat(warnings())
        .containsExactly(
            "event=commits_failing failed_writes=1 error=SQLException"
                + " reason=\"[SQLITE_BUSY] The database file is locked\"",
            "event=commits_failing failed_writes=500 error=SQLException"
                + " reason=\"[SQLITE_BUSY] The database file is locked\"");
  }

  @Test
  void commitsAreFailingFromTheFirstFailureUntilACommitAndRecoveryIsLoggedOnce() {
    assertThat(health.failing()).isFalse();
    health.failed(LOCKED);
    assertThat(health.failing()).isTrue();

    health.committed();
    health.committed();

    assertThat(health.failing()).isFalse();
    assertThat(lines(Level.INFO)).containsExactly("event=commits_recovered failed_writes=1");
  }

  @Test
  void withoutAnyWriteAfterAFailureTheNodeCountsAsHealthyAgainAfterTheWindow() {
    health.failed(LOCKED);
    now.addAndGet(TimeUnit.SECONDS.toNanos(CommitHealth.FAILING_WINDOW_SECONDS) - 1);
    assertThat(health.failing()).isTrue();

    now.addAndGet(1);

    assertThat(health.failing()).isFalse();
  }

  private List<String> warnings() {
    return lines(Level.WARN);
  }

  private List<String> lines(Level level) {
    return log.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }
}
