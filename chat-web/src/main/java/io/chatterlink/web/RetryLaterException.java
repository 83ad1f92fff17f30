package io.chatterlink.web;

import io.chatterlink.core.error.RateLimitedException;

/** A refusal by one of our throttles, which knows when the client may try again. */
final class RetryLaterException extends RateLimitedException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  RetryLaterException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Whole seconds until a retry can succeed, at least 1: the {@code Retry-After} value. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
