package io.chatterlink.core.model;

import java.util.Objects;

/**
 * A password hash in the self-describing encoding of the {@link
 * io.chatterlink.core.port.out.PasswordHasher} that made it (algorithm, parameters, salt, hash).
 *
 * @param encoded the hasher's encoding, e.g. a PHC string {@code $argon2id$v=19$...}
 */
public record PasswordHash(String encoded) {
  /**
   * Wraps an encoded hash; {@link #toString()} never shows it.
   *
   * @param encoded the encoding the hasher produced; not null
   */
  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
  }

  @Override
  public String toString() {
    return "PasswordHash[hidden]";
  }
}
