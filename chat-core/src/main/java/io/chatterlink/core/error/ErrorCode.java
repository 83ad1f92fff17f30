package io.chatterlink.core.error;

/**
 * The stable error codes of ChatterLink. Adapters send {@link #code()} to clients (JSON {@code
 * "error"} fields, protocol error replies) and use {@link #httpStatus()} as the HTTP status and the
 * protocol reply status. Codes are part of the public API: they are never renamed or reused.
 */
public enum ErrorCode {
  /** The request is malformed or breaks a documented limit on a value. */
  INVALID_INPUT("invalid_input", 400),
  /** No valid session: log in first. Also a wrong username or password, indistinguishably. */
  NOT_AUTHENTICATED("not_authenticated", 401),
  /** The acting user may see the thing but not do this to it (e.g. edit someone else's message). */
  FORBIDDEN("forbidden", 403),
  /** No such thing, or not visible to the acting user (private rooms of others look absent). */
  NOT_FOUND("not_found", 404),
  /** The request conflicts with the current state (e.g. the username is taken). */
  CONFLICT("conflict", 409),
  /** A count limit was reached (e.g. too many members in a direct conversation). */
  LIMIT_EXCEEDED("limit_exceeded", 413),
  /** Too many requests in too short a time; retry later. */
  RATE_LIMITED("rate_limited", 429),
  /** Storage or another dependency failed; nothing was acknowledged, retrying is safe. */
  UNAVAILABLE("unavailable", 503),
  /** A bug or an unexpected state on the server. */
  INTERNAL("internal", 500);

  private final String code;
  private final int httpStatus;

  ErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /**
   * The wire form, in snake case.
   *
   * @return e.g. {@code "not_found"}; never changes for a code
   */
  public String code() {
    return code;
  }

  /**
   * The HTTP status that goes with the code.
   *
   * @return e.g. 404 for {@link #NOT_FOUND}; also the status of protocol error replies
   */
  public int httpStatus() {
    return httpStatus;
  }
}
