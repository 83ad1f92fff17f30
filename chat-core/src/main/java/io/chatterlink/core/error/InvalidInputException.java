package io.chatterlink.core.error;

/** The request is malformed or breaks a limit on a value. Code {@link ErrorCode#INVALID_INPUT}. */
public class InvalidInputException extends ChatException {
  public InvalidInputException(String message) {
    super(ErrorCode.INVALID_INPUT, message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(ErrorCode.INVALID_INPUT, message, cause);
  }
}
