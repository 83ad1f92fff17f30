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
   * Validates the limits: every duration positive, every number at least 1.
   *
   * @param requestParseTimeout time for a request's line and headers
   * @param idleConnectionTimeout time a kept-alive connection may sit idle
   * @param jsonBodyTimeout time for a JSON body to arrive in full
   * @param uploadIdleTimeout longest pause inside an upload body
   * @param minUploadBytesPerSecond slowest average upload rate after the grace
   * @param uploadRateGrace time before an upload's rate is checked
   * @param maxRequestsPerAddress API requests in progress per client address
   * @param apiThreads threads running API endpoints
   * @param uploadThreads threads streaming uploads to disk
   * @param queuedRequests requests waiting for a thread, per pool
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

  /**
   * The documented defaults.
   *
   * @return the defaults listed with each component above
   */
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

  /**
   * These limits with another number of requests in progress per client address.
   *
   * @param requests API requests one address may have in progress at once
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a duration is not positive or a number is below 1
   */
  public RequestLimits withMaxRequestsPerAddress(int requests) {
    return with(c -> c.maxRequestsPerAddress = requests);
  }

  /**
   * These limits with other timeouts for request headers, JSON bodies and idle connections.
   *
   * @param parse time for a request's line and headers
   * @param idleConnection time a kept-alive connection may sit without a request
   * @param jsonBody time for a JSON body to arrive in full
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a duration is not positive or a number is below 1
   */
  public RequestLimits withTimeouts(Duration parse, Duration idleConnection, Duration jsonBody) {
    return with(
        c -> {
          c.requestParseTimeout = parse;
          c.idleConnectionTimeout = idleConnection;
          c.jsonBodyTimeout = jsonBody;
        });
  }

  /**
   * These limits with another pace an upload body must keep.
   *
   * @param idle longest pause between two bytes of an upload
   * @param minBytesPerSecond slowest average rate once {@code grace} has passed
   * @param grace how long an upload runs before its rate is checked
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a duration is not positive or a number is below 1
   */
  public RequestLimits withUploadPace(Duration idle, int minBytesPerSecond, Duration grace) {
    return with(
        c -> {
          c.uploadIdleTimeout = idle;
          c.minUploadBytesPerSecond = minBytesPerSecond;
          c.uploadRateGrace = grace;
        });
  }

  /**
   * These limits with other pool sizes.
   *
   * @param api threads that run API endpoints
   * @param uploads threads that stream uploads to disk
   * @param queued requests that may wait for a thread, per pool
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a duration is not positive or a number is below 1
   */
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
