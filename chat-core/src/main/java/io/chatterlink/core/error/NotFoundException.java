package io.chatterlink.core.error;

/** No such thing, or one the acting user may not know exists. Code {@link ErrorCode#NOT_FOUND}. */
public class NotFoundException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  public NotFoundException(String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, cause);
  }
}
