package io.chatterlink.crypto;

import com.macasaet.fernet.StringValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Objects;

/**
 * Decides which token timestamps are acceptable. The library's default validator allows a token to
 * live 60 seconds, which suits session tokens but would make every stored message unreadable a
 * minute after it was sent; so data at rest uses {@link #atRest(Clock)}, and the Fernet
 * specification's vectors use {@link #withTimeToLive(Clock, Duration)}.
 */
final class FernetValidator implements StringValidator {
  /**
   * Far enough to never matter for stored messages, near enough that {@code now ± it} stays inside
   * {@link java.time.Instant}'s range.
   */
  static final Duration UNLIMITED = Duration.ofDays(365L * 10_000);

  /** The specification's (and Python's) tolerance for timestamps ahead of the verifier's clock. */
  static final Duration SPEC_MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  private final Clock clock;
  private final Duration timeToLive;
  private final Duration maxClockSkew;

  private FernetValidator(Clock clock, Duration timeToLive, Duration maxClockSkew) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
  }

  /**
   * For message bodies at rest: no practical age limit, and no limit on timestamps ahead of the
   * clock either. The skew check only exists to stop a future timestamp from stretching a TTL;
   * without a TTL it would just make messages written by a host with a fast clock (or before the
   * clock stepped back) unreadable for a while. Python's {@code Fernet.decrypt} without a TTL skips
   * both checks too.
   */
  static FernetValidator atRest(Clock clock) {
    return new FernetValidator(clock, UNLIMITED, UNLIMITED);
  }

  /** A specification-style validator: tokens older than {@code timeToLive} are rejected. */
  static FernetValidator withTimeToLive(Clock clock, Duration timeToLive) {
    return new FernetValidator(clock, timeToLive, SPEC_MAX_CLOCK_SKEW);
  }

  @Override
  public Clock getClock() {
    return clock;
  }

  @Override
  public TemporalAmount getTimeToLive() {
    return timeToLive;
  }

  @Override
  public TemporalAmount getMaxClockSkew() {
    return maxClockSkew;
  }
}
