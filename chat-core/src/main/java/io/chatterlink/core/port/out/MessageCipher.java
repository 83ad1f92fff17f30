package io.chatterlink.core.port.out;

import io.chatterlink.core.model.EncryptedBody;

/**
 * Encrypts message bodies before they reach the {@link MessageStore} and decrypts them after.
 * Implementations must be thread-safe; ciphertext must be authenticated (tampering is detected).
 */
public interface MessageCipher {
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
}
