package io.chatterlink.core.port.out;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts message bodies before they reach the {@link MessageStore} and decrypts them after.
 * Implementations must be thread-safe; ciphertext must be authenticated (tampering is detected).
 */
public interface MessageCipher {
  /**
   * Encrypts a body under the primary key.
   *
   * @return the token with the {@link KeyFingerprint} of the primary key
   */
  EncryptedBody encrypt(String plaintext);

  /**
   * Decrypts a body.
   *
   * @throws UndecryptableBodyException if the body was tampered with, is malformed, or was made
   *     with a key this cipher does not hold
   */
  String decrypt(EncryptedBody body);

  /** True when {@code body} is already encrypted under the current (primary) key. */
  boolean isCurrent(EncryptedBody body);

  /** The fingerprints of every key this cipher decrypts with, the primary's first. */
  List<KeyFingerprint> keyFingerprints();

  /**
   * The fingerprint of the key that made {@code body}'s token, found by checking the token's
   * authentication with each key (nothing is decrypted); empty when no key this cipher holds
   * verifies it (a tampered or corrupt token, or a key it lacks). For bodies stored without one.
   */
  Optional<KeyFingerprint> identifyKey(EncryptedBody body);
}
