package io.chatterlink.core.error;

/** The acting user may not do this. Code {@link ErrorCode#FORBIDDEN}. */
public class ForbiddenException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public ForbiddenException(String message, Throwable cause) {
    super(ErrorCode.FORBIDDEN, message, cause);
  }
}
