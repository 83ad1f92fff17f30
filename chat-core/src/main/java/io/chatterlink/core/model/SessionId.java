package io.chatterlink.core.model;

/**
 * The stored identity of a login session: a SHA-256 digest of the secret {@link SessionToken}, so
 * that a leaked session table does not leak usable sessions.
 *
 * @param value the lowercase hex digest (64 characters)
 */
public record SessionId(String value) {
  /**
   * Checks the value's form.
   *
   * @param value the identifier, as stored and sent on the wire
   * @throws io.chatterlink.core.error.InvalidInputException if the value is blank, longer than 64
   *     characters or holds a character outside {@code [A-Za-z0-9._-]}
   */
  public SessionId {
    Ids.require(value, "SessionId");
  }

  @Override
  public String toString() {
    return value.substring(0, 8) + "…";
  }
}
