package io.chatterlink.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it, so that expiry rules (sessions, throttles,
 * uploads) are tested without sleeping. Hand it to {@code ChatCore.builder().clock(...)} and to the
 * adapters that take a clock, then {@link #advance} it. Thread-safe: a move is seen at once by
 * every thread. Always in UTC; {@link #withZone} returns this clock.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /**
   * A clock that reads {@code start} until moved.
   *
   * @param start the first instant it reads; required
   * @throws NullPointerException if {@code start} is null
   */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Moves time forward (or back, with a negative duration, for a test that needs it).
   *
   * @param by how far to move; required
   * @throws NullPointerException if {@code by} is null
   */
  public void advance(Duration by) {
    now = now.plus(Objects.requireNonNull(by, "by"));
  }

  /** {@return the instant the clock stands at} */
  @Override
  public Instant instant() {
    return now;
  }

  /** {@return UTC, always} */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * {@return this clock: it is always in UTC, and a copy would not follow {@link #advance}}
   *
   * @param zone ignored
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
