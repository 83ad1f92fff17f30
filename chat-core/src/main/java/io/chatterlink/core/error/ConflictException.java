package io.chatterlink.core.error;

/** The request conflicts with the current state. Code {@link ErrorCode#CONFLICT}. */
public class ConflictException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public ConflictException(String message, Throwable cause) {
    super(ErrorCode.CONFLICT, message, cause);
  }
}
