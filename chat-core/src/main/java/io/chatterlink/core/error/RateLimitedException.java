package io.chatterlink.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Too many requests; retry later. Code {@link ErrorCode#RATE_LIMITED}. When the core knows when a
 * retry can succeed it says so in {@link #retryAfter()}, which HTTP adapters send as {@code
 * Retry-After}.
 */
public class RateLimitedException extends ChatException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public RateLimitedException(String message) {
    super(ErrorCode.RATE_LIMITED, message);
    this.retryAfter = Optional.empty();
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public RateLimitedException(String message, Throwable cause) {
    super(ErrorCode.RATE_LIMITED, message, cause);
    this.retryAfter = Optional.empty();
  }

  /**
   * Creates the exception with the time after which a retry can succeed.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param retryAfter how long until a retry can succeed; positive
   * @throws IllegalArgumentException if {@code retryAfter} is zero or negative
   */
  public RateLimitedException(String message, Duration retryAfter) {
    super(ErrorCode.RATE_LIMITED, message);
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be positive");
    }
    this.retryAfter = Optional.of(retryAfter);
  }

  /**
   * How long until a retry can succeed, when known.
   *
   * @return the wait, positive; empty when the limit does not tell (retry with a back-off)
   */
  public Optional<Duration> retryAfter() {
    return retryAfter == null ? Optional.empty() : retryAfter;
  }
}
