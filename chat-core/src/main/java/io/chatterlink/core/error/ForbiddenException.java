package io.chatterlink.core.error;

/** The acting user may not do this. Code {@link ErrorCode#FORBIDDEN}. */
public class ForbiddenException extends ChatException {
  public ForbiddenException(String message) {
    super(ErrorCode.FORBIDDEN, message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(ErrorCode.FORBIDDEN, message, cause);
  }
}
