package io.chatterlink.core.error;

import java.util.Objects;

/**
 * The root of every failure the core reports. Each subtype has one {@link ErrorCode}; adapters map
 * the code, never the message, to statuses. Messages are safe to show to the client who made the
 * request: they never hold secrets or other people's data.
 */
public abstract class ChatException extends RuntimeException {
  /** The failure's code, the part of the exception that adapters map. */
  private final ErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code the subtype's code; not null
   * @param message what went wrong, in words safe to show to the client who made the request
   */
  protected ChatException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates the exception with its cause.
   *
   * @param code the subtype's code; not null
   * @param message what went wrong, in words safe to show to the client who made the request
   * @param cause the underlying failure, kept for the server's logs and never sent to clients
   */
  protected ChatException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The stable code of this failure.
   *
   * @return the code, which adapters map to an HTTP status or a protocol reply code
   */
  public ErrorCode code() {
    return code;
  }
}
