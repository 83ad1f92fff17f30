package io.chatterlink.core.model;

/**
 * The stored identity of a login session: a SHA-256 digest of the secret {@link SessionToken}, so
 * that a leaked session table does not leak usable sessions.
 *
 * @param value the lowercase hex digest (64 characters)
 */
public record SessionId(String value) {
  public SessionId {
    Ids.require(value, "SessionId");
  }

  @Override
  public String toString() {
    return value.substring(0, 8) + "…";
  }
}
