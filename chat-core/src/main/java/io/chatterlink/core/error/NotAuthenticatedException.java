package io.chatterlink.core.error;

/**
 * No valid session, or wrong credentials (the two are indistinguishable). Code {@link
 * ErrorCode#NOT_AUTHENTICATED}.
 */
public class NotAuthenticatedException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public NotAuthenticatedException(String message) {
    super(ErrorCode.NOT_AUTHENTICATED, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public NotAuthenticatedException(String message, Throwable cause) {
    super(ErrorCode.NOT_AUTHENTICATED, message, cause);
  }
}
