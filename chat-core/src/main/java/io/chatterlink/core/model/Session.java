package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A login session as stored: no secret, only the digest of the client's token.
 *
 * @param lastSeenAt updated as the session is used, for the idle expiry
 */
public record Session(SessionId id, UserId userId, Instant createdAt, Instant lastSeenAt) {
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
  }
}
