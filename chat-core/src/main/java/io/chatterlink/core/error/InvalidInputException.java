package io.chatterlink.core.error;

/** The request is malformed or breaks a limit on a value. Code {@link ErrorCode#INVALID_INPUT}. */
public class InvalidInputException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public InvalidInputException(String message) {
    super(ErrorCode.INVALID_INPUT, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public InvalidInputException(String message, Throwable cause) {
    super(ErrorCode.INVALID_INPUT, message, cause);
  }
}
