package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

  @Test
  void onlyTheLatestFailuresWithinTheWindowCount() {
    LoginThrottle throttle = new LoginThrottle(2, 100, Duration.ofMinutes(10), clock);
    throttle.failed("alice", "10.0.0.1");
    clock.advance(Duration.ofMinutes(9));
    throttle.failed("alice", "10.0.0.1");
    assertThatThrownBy(() -> throttle.checkAllowed("alice", "10.0.0.2"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds()).isEqualTo(60));
    clock.advance(Duration.ofMinutes(1));
    assertThatCode(() -> throttle.checkAllowed("alice", "10.0.0.2")).doesNotThrowAnyException();
  }

  @Test
  void retryAfterIsRoundedUpToAWholeSecond() {
    LoginThrottle throttle = new LoginThrottle(1, 100, Duration.ofMillis(1500), clock);
    throttle.failed("alice", "10.0.0.1");
    assertThatThrownBy(() -> throttle.checkAllowed("alice", "10.0.0.1"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds()).isEqualTo(2));
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfNames() {
    LoginThrottle throttle = new LoginThrottle(1, Integer.MAX_VALUE, Duration.ofMinutes(1), clock);
    for (int i = 0; i <= EventWindow.MAX_TRACKED_KEYS; i++) {
      throttle.failed("name" + i, "10.0.0.1");
    }
    // The table was reset when it reached its bound; the newest name is tracked again.
    assertThatCode(() -> throttle.checkAllowed("name0", "10.0.0.9")).doesNotThrowAnyException();
    assertThatThrownBy(
            () -> throttle.checkAllowed("name" + EventWindow.MAX_TRACKED_KEYS, "10.0.0.9"))
        .isInstanceOf(RetryLaterException.class);
  }
}
