package io.chatterlink.core.error;

/**
 * A dependency (storage) failed; nothing was acknowledged, retrying is safe. Code {@link
 * ErrorCode#UNAVAILABLE}.
 */
public class UnavailableException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public UnavailableException(String message) {
    super(ErrorCode.UNAVAILABLE, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public UnavailableException(String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, cause);
  }
}
