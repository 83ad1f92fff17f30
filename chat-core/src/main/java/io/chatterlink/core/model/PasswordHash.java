package io.chatterlink.core.model;

import java.util.Objects;

/**
 * A password hash in the self-describing encoding of the {@link
 * io.chatterlink.core.port.out.PasswordHasher} that made it (algorithm, parameters, salt, hash).
 */
public record PasswordHash(String encoded) {
  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
  }

  @Override
  public String toString() {
    return "PasswordHash[hidden]";
  }
}
