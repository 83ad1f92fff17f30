package io.chatterlink.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A message body as the {@link io.chatterlink.core.port.out.MessageCipher} produced it: the only
 * form in which a body reaches a {@link io.chatterlink.core.port.out.MessageStore}.
 *
 * @param token the cipher's text encoding (a Fernet token for the real cipher)
 * @param key the fingerprint of the key that made the token, as the cipher reported it; empty for a
 *     body stored before fingerprints were recorded. Stores keep it beside the token.
 */
public record EncryptedBody(String token, Optional<KeyFingerprint> key) {
  public EncryptedBody {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(key, "key");
  }

  /** A body whose key is not recorded. */
  public EncryptedBody(String token) {
    this(token, Optional.empty());
  }

  /** The same token, recorded as made by {@code fingerprint}. */
  public EncryptedBody withKey(KeyFingerprint fingerprint) {
    return new EncryptedBody(token, Optional.of(fingerprint));
  }
}
