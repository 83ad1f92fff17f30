package io.chatterlink.core.error;

/** The request conflicts with the current state. Code {@link ErrorCode#CONFLICT}. */
public class ConflictException extends ChatException {
  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }

  public ConflictException(String message, Throwable cause) {
    super(ErrorCode.CONFLICT, message, cause);
  }
}
