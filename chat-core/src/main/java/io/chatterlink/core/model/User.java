package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered account.
 *
 * @param displayName shown next to messages; defaults to the username
 */
public record User(
    UserId id,
    Username username,
    String displayName,
    PasswordHash passwordHash,
    Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    displayName = Text.requireName(displayName, "display name", Limits.MAX_DISPLAY_NAME_LENGTH);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This user with another password hash. */
  public User withPasswordHash(PasswordHash hash) {
    return new User(id, username, displayName, hash, createdAt);
  }
}
