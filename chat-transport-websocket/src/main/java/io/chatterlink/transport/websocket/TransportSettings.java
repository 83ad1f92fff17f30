package io.chatterlink.transport.websocket;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and policies of the WebSocket transport. Every value is advertised to clients in the
 * {@code hello} frame (see {@code docs/protocol.md}). Validated on construction.
 *
 * @param allowedOrigins origins (e.g. {@code https://chat.example.com}) allowed to open a socket;
 *     empty means same origin only: the {@code Origin}'s host and port must equal the request's
 *     {@code Host}. Requests without an {@code Origin} header (non-browser clients) are accepted.
 * @param maxFrameBytes largest text frame accepted, 1 to {@value #MAX_FRAME_BYTES_CEILING}; a
 *     larger one closes the socket with 1009 (default 65,536)
 * @param requestsPerSecond steady request rate a connection may keep up (default 10)
 * @param requestBurst requests a connection may send at once before the rate applies (default 30)
 * @param maxRateViolations consecutive rejected ({@code 429}) requests after which the socket is
 *     closed with 1008 (default 20)
 * @param outboundQueueFrames frames waiting for one slow client before it is disconnected with 1013
 *     (default 1,024)
 * @param pingInterval how often the server pings each socket (default 30 s)
 * @param idleTimeout silence (no frame, no pong) after which a socket is closed with 4408; more
 *     than {@code pingInterval} (default 75 s)
 */
public record TransportSettings(
    Set<String> allowedOrigins,
    int maxFrameBytes,
    int requestsPerSecond,
    int requestBurst,
    int maxRateViolations,
    int outboundQueueFrames,
    Duration pingInterval,
    Duration idleTimeout) {

  /** The hard ceiling on {@link #maxFrameBytes}: 64 KiB. */
  public static final int MAX_FRAME_BYTES_CEILING = 65_536;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the first value out of range
   */
  public TransportSettings {
    allowedOrigins =
        Objects.requireNonNull(allowedOrigins, "allowedOrigins").stream()
            .map(o -> o.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    requireRange("maxFrameBytes", maxFrameBytes, 1, MAX_FRAME_BYTES_CEILING);
    requireRange("requestsPerSecond", requestsPerSecond, 1, 100_000);
    requireRange("requestBurst", requestBurst, 1, 100_000);
    requireRange("maxRateViolations", maxRateViolations, 1, 100_000);
    requireRange("outboundQueueFrames", outboundQueueFrames, 1, 1_000_000);
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (pingInterval.isNegative() || pingInterval.isZero()) {
      throw new IllegalArgumentException("pingInterval must be positive");
    }
    if (idleTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("idleTimeout must be longer than pingInterval");
    }
  }

  /** Same origin only, 64 KiB frames, 10 requests/s with bursts of 30, 1,024 queued frames. */
  public static TransportSettings defaults() {
    return new TransportSettings(
        Set.of(),
        MAX_FRAME_BYTES_CEILING,
        10,
        30,
        20,
        1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(75));
  }

  /** These settings with another origin allow-list (empty: same origin only). */
  public TransportSettings withAllowedOrigins(Set<String> origins) {
    return new TransportSettings(
        origins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout);
  }

  /** These settings with another frame limit. */
  public TransportSettings withMaxFrameBytes(int bytes) {
    return new TransportSettings(
        allowedOrigins,
        bytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout);
  }

  /** These settings with another request budget. */
  public TransportSettings withRequestRate(int perSecond, int burst, int violations) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        perSecond,
        burst,
        violations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout);
  }

  /** These settings with another outbound queue bound. */
  public TransportSettings withOutboundQueueFrames(int frames) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        frames,
        pingInterval,
        idleTimeout);
  }

  /** These settings with another ping interval and idle timeout. */
  public TransportSettings withHeartbeat(Duration ping, Duration idle) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        ping,
        idle);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }
}
