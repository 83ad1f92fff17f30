package io.chatterlink.core.error;

/**
 * No valid session, or wrong credentials (the two are indistinguishable). Code {@link
 * ErrorCode#NOT_AUTHENTICATED}.
 */
public class NotAuthenticatedException extends ChatException {
  public NotAuthenticatedException(String message) {
    super(ErrorCode.NOT_AUTHENTICATED, message);
  }

  public NotAuthenticatedException(String message, Throwable cause) {
    super(ErrorCode.NOT_AUTHENTICATED, message, cause);
  }
}
