package io.chatterlink.web;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How much of the server one slow, stalled or greedy HTTP client can hold. No request ever holds a
 * thread while its JSON body trickles in (bodies are read without blocking, then the endpoint runs
 * on a bounded pool); an upload, which streams to disk on a thread, must keep up a minimum data
 * rate. Documented in the README's limits table and in {@code docs/http-api.md}.
 *
 * @param requestParseTimeout longest time a client may take to send a request's line and headers;
 *     after it the connection is closed (default 10 s)
 * @param idleConnectionTimeout how long a kept-alive connection may sit without a request (default
 *     60 s)
 * @param jsonBodyTimeout longest time a JSON request body may take to arrive in full; after it the
 *     answer is {@code 408} and the connection is closed (default 10 s)
 * @param uploadIdleTimeout longest pause between two bytes of an upload body (default 15 s)
 * @param minUploadBytesPerSecond slowest average rate an upload may keep up once {@code
 *     uploadRateGrace} has passed (default 8 KiB/s, so 25 MiB may take up to about an hour)
 * @param uploadRateGrace how long an upload may run before its average rate is checked (default 10
 *     s)
 * @param maxRequestsPerAddress API requests from one client address that may be in progress at
 *     once, body included; one more is answered {@code 429} (default 32)
 * @param apiThreads threads that run API endpoints (default 16)
 * @param uploadThreads threads that stream uploads to disk (default 4); uploads beyond them wait in
 *     the queue
 * @param queuedRequests requests that may wait for a free thread, per pool; one more is answered
 *     {@code 503} with {@code Retry-After} (default 256)
 */
public record RequestLimits(
    Duration requestParseTimeout,
    Duration idleConnectionTimeout,
    Duration jsonBodyTimeout,
    Duration uploadIdleTimeout,
    int minUploadBytesPerSecond,
    Duration uploadRateGrace,
    int maxRequestsPerAddress,
    int apiThreads,
    int uploadThreads,
    int queuedRequests) {

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException naming the first value out of range
   */
  public RequestLimits {
    positive(requestParseTimeout, "requestParseTimeout");
    positive(idleConnectionTimeout, "idleConnectionTimeout");
    positive(jsonBodyTimeout, "jsonBodyTimeout");
    positive(uploadIdleTimeout, "uploadIdleTimeout");
    positive(uploadRateGrace, "uploadRateGrace");
    atLeastOne(minUploadBytesPerSecond, "minUploadBytesPerSecond");
    atLeastOne(maxRequestsPerAddress, "maxRequestsPerAddress");
    atLeastOne(apiThreads, "apiThreads");
    atLeastOne(uploadThreads, "uploadThreads");
    atLeastOne(queuedRequests, "queuedRequests");
  }

  /** The documented defaults. */
  public static RequestLimits defaults() {
    return new RequestLimits(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        8 * 1024,
        Duration.ofSeconds(10),
        32,
        16,
        4,
        256);
  }

  /** These limits with another number of requests in progress per client address. */
  public RequestLimits withMaxRequestsPerAddress(int requests) {
    return with(c -> c.maxRequestsPerAddress = requests);
  }

  /** These limits with other timeouts for request headers, JSON bodies and idle connections. */
  public RequestLimits withTimeouts(Duration parse, Duration idleConnection, Duration jsonBody) {
    return with(
        c -> {
          c.requestParseTimeout = parse;
          c.idleConnectionTimeout = idleConnection;
          c.jsonBodyTimeout = jsonBody;
        });
  }

  /** These limits with another pace an upload body must keep. */
  public RequestLimits withUploadPace(Duration idle, int minBytesPerSecond, Duration grace) {
    return with(
        c -> {
          c.uploadIdleTimeout = idle;
          c.minUploadBytesPerSecond = minBytesPerSecond;
          c.uploadRateGrace = grace;
        });
  }

  /** These limits with other pool sizes. */
  public RequestLimits withPools(int api, int uploads, int queued) {
    return with(
        c -> {
          c.apiThreads = api;
          c.uploadThreads = uploads;
          c.queuedRequests = queued;
        });
  }

  private RequestLimits with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each {@code with...} method names only what it changes. */
  private static final class Copy {
    Duration requestParseTimeout;
    Duration idleConnectionTimeout;
    Duration jsonBodyTimeout;
    Duration uploadIdleTimeout;
    int minUploadBytesPerSecond;
    Duration uploadRateGrace;
    int maxRequestsPerAddress;
    int apiThreads;
    int uploadThreads;
    int queuedRequests;

    Copy(RequestLimits l) {
      requestParseTimeout = l.requestParseTimeout;
      idleConnectionTimeout = l.idleConnectionTimeout;
      jsonBodyTimeout = l.jsonBodyTimeout;
      uploadIdleTimeout = l.uploadIdleTimeout;
      minUploadBytesPerSecond = l.minUploadBytesPerSecond;
      uploadRateGrace = l.uploadRateGrace;
      maxRequestsPerAddress = l.maxRequestsPerAddress;
      apiThreads = l.apiThreads;
      uploadThreads = l.uploadThreads;
      queuedRequests = l.queuedRequests;
    }

    RequestLimits build() {
      return new RequestLimits(
          requestParseTimeout,
          idleConnectionTimeout,
          jsonBodyTimeout,
          uploadIdleTimeout,
          minUploadBytesPerSecond,
          uploadRateGrace,
          maxRequestsPerAddress,
          apiThreads,
          uploadThreads,
          queuedRequests);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive and under 24 days");
    }
  }

  private static void atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
  }
}
