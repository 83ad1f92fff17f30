package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.RateWindows;
import java.time.Duration;

/** The argument rules of {@link RateWindows#acquire}, as the in-memory store applies them. */
final class RateWindowChecks {
  private RateWindowChecks() {}

  static void require(String key, int limit, Duration window) {
    if (key == null || key.isBlank() || key.length() > RateWindows.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "a rate window key is 1 to " + RateWindows.MAX_KEY_LENGTH + " characters, not blank");
    }
    if (limit < 1 || limit > RateWindows.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a rate window limit is 1 to " + RateWindows.MAX_LIMIT + ", not " + limit);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate window must be positive");
    }
  }
}
