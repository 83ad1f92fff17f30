package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered account.
 *
 * @param id the user's id
 * @param username the login name, unique in canonical form
 * @param displayName shown next to messages; defaults to the username
 * @param passwordHash the hash of the password, never the password
 * @param createdAt when the account was registered
 */
public record User(
    UserId id,
    Username username,
    String displayName,
    PasswordHash passwordHash,
    Instant createdAt) {
  /**
   * Checks the account.
   *
   * @param id its id
   * @param username the login name
   * @param displayName the display name, single line, at most {@link
   *     Limits#MAX_DISPLAY_NAME_LENGTH} characters after stripping
   * @param passwordHash the password hash
   * @param createdAt when it was registered
   * @throws io.chatterlink.core.error.InvalidInputException if the display name breaks {@link
   *     Text#requireName}
   * @throws NullPointerException if another component is null
   */
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    displayName = Text.requireName(displayName, "display name", Limits.MAX_DISPLAY_NAME_LENGTH);
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * This user with another password hash (after a password change or a rehash with new parameters).
   *
   * @param hash the new hash
   * @return a copy with {@code hash}
   */
  public User withPasswordHash(PasswordHash hash) {
    return new User(id, username, displayName, hash, createdAt);
  }
}
