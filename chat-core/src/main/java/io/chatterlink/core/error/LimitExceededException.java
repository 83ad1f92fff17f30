package io.chatterlink.core.error;

/** A count limit was reached. Code {@link ErrorCode#LIMIT_EXCEEDED}. */
public class LimitExceededException extends ChatException {
  public LimitExceededException(String message) {
    super(ErrorCode.LIMIT_EXCEEDED, message);
  }

  public LimitExceededException(String message, Throwable cause) {
    super(ErrorCode.LIMIT_EXCEEDED, message, cause);
  }
}
