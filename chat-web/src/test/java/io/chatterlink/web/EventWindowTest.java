package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventWindowTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

  @Test
  void memoryStaysBoundedUnderAFloodOfKeys() {
    EventWindow window = new EventWindow(1, Duration.ofMinutes(1), clock);
    for (int i = 0; i <= EventWindow.MAX_TRACKED_KEYS; i++) {
      window.record("address" + i);
    }
    // The table was reset when it reached its bound; the newest key is tracked again.
    assertThat(window.secondsUntilAllowed("address0")).isZero();
    assertThat(window.secondsUntilAllowed("address" + EventWindow.MAX_TRACKED_KEYS)).isEqualTo(60);
  }
}
