package io.chatterlink.core.error;

/** A count limit was reached. Code {@link ErrorCode#LIMIT_EXCEEDED}. */
public class LimitExceededException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public LimitExceededException(String message) {
    super(ErrorCode.LIMIT_EXCEEDED, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public LimitExceededException(String message, Throwable cause) {
    super(ErrorCode.LIMIT_EXCEEDED, message, cause);
  }
}
