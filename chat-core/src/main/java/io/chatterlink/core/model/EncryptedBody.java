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
  /**
   * Creates a body.
   *
   * @param token the cipher's token; not null
   * @param key the key's fingerprint, or empty when unknown; not null
   */
  public EncryptedBody {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(key, "key");
  }

  /**
   * A body whose key is not recorded (stored before fingerprints were kept).
   *
   * @param token the cipher's token; not null
   */
  public EncryptedBody(String token) {
    this(token, Optional.empty());
  }

  /**
   * The same token, recorded as made by the given key.
   *
   * @param fingerprint the key that made the token
   * @return a new body with the same token and {@code fingerprint} as its key
   */
  public EncryptedBody withKey(KeyFingerprint fingerprint) {
    return new EncryptedBody(token, Optional.of(fingerprint));
  }
}
