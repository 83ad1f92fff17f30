package io.chatterlink.core.error;

/** No such thing, or one the acting user may not know exists. Code {@link ErrorCode#NOT_FOUND}. */
public class NotFoundException extends ChatException {
  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, cause);
  }
}
