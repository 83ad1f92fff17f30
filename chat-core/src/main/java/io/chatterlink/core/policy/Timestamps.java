package io.chatterlink.core.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every timestamp is written on the wire (WebSocket frames and HTTP bodies alike): ISO-8601 in
 * UTC with exactly three fractional digits, e.g. {@code 2026-11-28T17:45:12.345Z}. Fixed width, so
 * that a client's parser (Python's {@code strptime("%f")}, JavaScript's {@code Date}) reads every
 * value; {@link Instant#toString()} writes nine digits, or none, depending on the value. Finer
 * digits are cut, not rounded. Documented in {@code docs/protocol.md} section 3.
 */
public final class Timestamps {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /**
   * The wire form of an instant.
   *
   * @param at the instant
   * @return e.g. {@code 2026-11-28T17:45:12.345Z}, always 24 characters for years 1000 to 9999
   */
  public static String format(Instant at) {
    return WIRE.format(at);
  }
}
