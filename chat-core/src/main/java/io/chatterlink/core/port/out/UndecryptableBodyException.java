package io.chatterlink.core.port.out;

import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;

/**
 * A stored body could not be decrypted. The core catches it and serves the message as unreadable;
 * the message of this exception never contains the token.
 */
public class UndecryptableBodyException extends ChatException {
  /**
   * Creates the exception.
   *
   * @param message why the body could not be decrypted, without the token or any plaintext
   */
  public UndecryptableBodyException(String message) {
    super(ErrorCode.INTERNAL, message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message why the body could not be decrypted, without the token or any plaintext
   * @param cause the cipher library's failure
   */
  public UndecryptableBodyException(String message, Throwable cause) {
    super(ErrorCode.INTERNAL, message, cause);
  }
}
