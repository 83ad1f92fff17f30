package io.chatterlink.transport.websocket;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and policies of the WebSocket transport. Every limit is advertised to clients in the
 * {@code hello} frame (see {@code docs/protocol.md}). Validated on construction.
 *
 * @param allowedOrigins origins (e.g. {@code https://chat.example.com}) allowed to open a socket;
 *     empty means same origin only: the {@code Origin}'s host and port must equal the request's
 *     {@code Host}. Requests without an {@code Origin} header (non-browser clients) are accepted.
 * @param maxFrameBytes largest text frame accepted, 1 to {@value #MAX_FRAME_BYTES_CEILING}; a
 *     larger one closes the socket with 1009 (default 65,536)
 * @param requestsPerSecond steady request rate a user may keep up, over all their sockets on this
 *     node together (default 10)
 * @param requestBurst requests a user may send at once before the rate applies, over all their
 *     sockets on this node together (default 30)
 * @param maxRateViolations consecutive rejected ({@code 429}) requests of a user after which the
 *     socket that sent the last one is closed with 1008 (default 20)
 * @param outboundQueueFrames frames waiting for one slow client before it is disconnected with 1013
 *     (default 1,024)
 * @param pingInterval how often the server pings each socket (default 30 s)
 * @param idleTimeout silence (no frame, no pong) after which a socket is closed with 4408; more
 *     than {@code pingInterval} (default 75 s)
 * @param maxConnectionsPerUser sockets one user may have open on this node, 1 to 10,000; one more
 *     handshake is refused with 429 (default 20: many tabs and devices)
 * @param maxConnectionsPerAddress sockets one client address may have open on this node, 1 to
 *     1,000,000; one more handshake is refused with 429 (default 100: an office or campus behind
 *     one NAT address). Needs the peer's address, which Tyrus (Undertow and Grizzly hostings)
 *     gives; in another container only the per-user cap applies
 * @param sessionCheckInterval how often the sessions of all open sockets are checked against the
 *     session store, in one batched query, closing (4401) the sockets of sessions that ended
 *     anywhere (CLI reset, expiry, another node); 100 ms to 5 s, and that plus the query's time is
 *     how late such a close can be (default 2 s)
 * @param trustProxyHeaders take the client address (for {@code maxConnectionsPerAddress}) from the
 *     last entry of {@code X-Forwarded-For}, as the web adapter does; only behind a proxy that sets
 *     it (default false: the TCP peer's address)
 */
public record TransportSettings(
    Set<String> allowedOrigins,
    int maxFrameBytes,
    int requestsPerSecond,
    int requestBurst,
    int maxRateViolations,
    int outboundQueueFrames,
    Duration pingInterval,
    Duration idleTimeout,
    int maxConnectionsPerUser,
    int maxConnectionsPerAddress,
    Duration sessionCheckInterval,
    boolean trustProxyHeaders) {

  /** The hard ceiling on {@link #maxFrameBytes}: 64 KiB. */
  public static final int MAX_FRAME_BYTES_CEILING = 65_536;

  /** The shortest {@link #sessionCheckInterval}: 100 ms. */
  public static final Duration MIN_SESSION_CHECK_INTERVAL = Duration.ofMillis(100);

  /** The longest {@link #sessionCheckInterval}: 5 s, the documented bound on a late close. */
  public static final Duration MAX_SESSION_CHECK_INTERVAL = Duration.ofSeconds(5);

  /**
   * Validates the settings; the origins are lower-cased and copied.
   *
   * @param allowedOrigins extra origins allowed to open a socket; empty for same origin only
   * @param maxFrameBytes largest text frame, 1 to {@value #MAX_FRAME_BYTES_CEILING}
   * @param requestsPerSecond steady request rate per user and node, 1 to 100,000
   * @param requestBurst requests at once per user and node, 1 to 100,000
   * @param maxRateViolations consecutive rejected requests before a close, 1 to 100,000
   * @param outboundQueueFrames frames queued for one slow client, 1 to 1,000,000
   * @param pingInterval time between pings; positive
   * @param idleTimeout silence before a close; longer than {@code pingInterval}
   * @param maxConnectionsPerUser sockets per user and node, 1 to 10,000
   * @param maxConnectionsPerAddress sockets per client address and node, 1 to 1,000,000
   * @param sessionCheckInterval time between session checks, 100 ms to 5 s
   * @param trustProxyHeaders whether the client address comes from {@code X-Forwarded-For}
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
    requireRange("maxConnectionsPerUser", maxConnectionsPerUser, 1, 10_000);
    requireRange("maxConnectionsPerAddress", maxConnectionsPerAddress, 1, 1_000_000);
    Objects.requireNonNull(sessionCheckInterval, "sessionCheckInterval");
    if (sessionCheckInterval.compareTo(MIN_SESSION_CHECK_INTERVAL) < 0
        || sessionCheckInterval.compareTo(MAX_SESSION_CHECK_INTERVAL) > 0) {
      throw new IllegalArgumentException("sessionCheckInterval must be between 100 ms and 5 s");
    }
  }

  /**
   * Same origin only, 64 KiB frames, 10 requests/s with bursts of 30 per user, 1,024 queued frames,
   * 20 sockets per user and 100 per address, sessions checked every 2 s, no proxy headers.
   *
   * @return the documented defaults (pings every 30 s, idle timeout 75 s)
   */
  public static TransportSettings defaults() {
    return new TransportSettings(
        Set.of(),
        MAX_FRAME_BYTES_CEILING,
        10,
        30,
        20,
        1024,
        Duration.ofSeconds(30),
        Duration.ofSeconds(75),
        20,
        100,
        Duration.ofSeconds(2),
        false);
  }

  /**
   * These settings with another origin allow-list.
   *
   * @param origins origins such as {@code https://chat.example.com}; empty for same origin only
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withAllowedOrigins(Set<String> origins) {
    return new TransportSettings(
        origins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings with another frame limit.
   *
   * @param bytes largest text frame accepted, 1 to {@value #MAX_FRAME_BYTES_CEILING}
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withMaxFrameBytes(int bytes) {
    return new TransportSettings(
        allowedOrigins,
        bytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings with another request budget.
   *
   * @param perSecond steady request rate per user on this node
   * @param burst requests a user may send at once
   * @param violations consecutive rejected requests after which the socket is closed
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withRequestRate(int perSecond, int burst, int violations) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        perSecond,
        burst,
        violations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings with another outbound queue bound.
   *
   * @param frames frames that may wait for one slow client before it is disconnected
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withOutboundQueueFrames(int frames) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        frames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings with another ping interval and idle timeout.
   *
   * @param ping time between two pings of a socket
   * @param idle silence after which a socket is closed; longer than {@code ping}
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withHeartbeat(Duration ping, Duration idle) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        ping,
        idle,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings with other caps on open sockets per user and per client address.
   *
   * @param perUser sockets one user may have open on this node
   * @param perAddress sockets one client address may have open on this node
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withConnectionCaps(int perUser, int perAddress) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        perUser,
        perAddress,
        sessionCheckInterval,
        trustProxyHeaders);
  }

  /**
   * These settings checking the sessions of open sockets at another interval.
   *
   * @param interval time between two checks, 100 ms to 5 s
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of the range the record documents
   */
  public TransportSettings withSessionCheckInterval(Duration interval) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        interval,
        trustProxyHeaders);
  }

  /**
   * These settings trusting (or not) the last {@code X-Forwarded-For} entry as the address.
   *
   * @param trust true only behind a proxy that sets the header
   * @return a copy with that change; the others are kept
   */
  public TransportSettings withTrustProxyHeaders(boolean trust) {
    return new TransportSettings(
        allowedOrigins,
        maxFrameBytes,
        requestsPerSecond,
        requestBurst,
        maxRateViolations,
        outboundQueueFrames,
        pingInterval,
        idleTimeout,
        maxConnectionsPerUser,
        maxConnectionsPerAddress,
        sessionCheckInterval,
        trust);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }
}
