package io.chatterlink.core.error;

/** Too many requests; retry later. Code {@link ErrorCode#RATE_LIMITED}. */
public class RateLimitedException extends ChatException {
  public RateLimitedException(String message) {
    super(ErrorCode.RATE_LIMITED, message);
  }

  public RateLimitedException(String message, Throwable cause) {
    super(ErrorCode.RATE_LIMITED, message, cause);
  }
}
