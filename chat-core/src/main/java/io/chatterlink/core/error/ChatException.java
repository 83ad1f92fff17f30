package io.chatterlink.core.error;

import java.util.Objects;

/**
 * The root of every failure the core reports. Each subtype has one {@link ErrorCode}; adapters map
 * the code, never the message, to statuses. Messages are safe to show to the client who made the
 * request: they never hold secrets or other people's data.
 */
public abstract class ChatException extends RuntimeException {
  private final ErrorCode code;

  protected ChatException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  protected ChatException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code of this failure. */
  public ErrorCode code() {
    return code;
  }
}
