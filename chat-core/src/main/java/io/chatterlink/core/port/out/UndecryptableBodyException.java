package io.chatterlink.core.port.out;

import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;

/**
 * A stored body could not be decrypted. The core catches it and serves the message as unreadable;
 * the message of this exception never contains the token.
 */
public class UndecryptableBodyException extends ChatException {
  public UndecryptableBodyException(String message) {
    super(ErrorCode.INTERNAL, message);
  }

  public UndecryptableBodyException(String message, Throwable cause) {
    super(ErrorCode.INTERNAL, message, cause);
  }
}
