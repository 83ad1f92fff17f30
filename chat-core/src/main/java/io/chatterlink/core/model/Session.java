package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A login session as stored: no secret, only the digest of the client's token.
 *
 * @param id the digest of the client's token, the session's key
 * @param userId the logged-in user
 * @param createdAt when the user logged in (the absolute expiry counts from it)
 * @param lastSeenAt updated as the session is used, for the idle expiry
 */
public record Session(SessionId id, UserId userId, Instant createdAt, Instant lastSeenAt) {
  /**
   * Creates the session record.
   *
   * @param id the token digest
   * @param userId the owner
   * @param createdAt when the user logged in
   * @param lastSeenAt when it was last used
   * @throws NullPointerException if a component is null
   */
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
  }
}
