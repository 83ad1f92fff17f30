package io.chatterlink.core.error;

/**
 * A dependency (storage) failed; nothing was acknowledged, retrying is safe. Code {@link
 * ErrorCode#UNAVAILABLE}.
 */
public class UnavailableException extends ChatException {
  public UnavailableException(String message) {
    super(ErrorCode.UNAVAILABLE, message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, cause);
  }
}
