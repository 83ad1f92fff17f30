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
   * Encrypts a body under the primary key. Each call makes a new token (random IV), so equal texts
   * do not give equal tokens.
   *
   * @param plaintext the message text; any string, including one the core will refuse later
   * @return the token with the {@link KeyFingerprint} of the primary key
   */
  EncryptedBody encrypt(String plaintext);

  /**
   * Decrypts a body with whichever key of this cipher made it.
   *
   * @param body a body this or an earlier cipher made
   * @return the plaintext, exactly as it was encrypted
   * @throws UndecryptableBodyException if the body was tampered with, is malformed, or was made
   *     with a key this cipher does not hold
   */
  String decrypt(EncryptedBody body);

  /**
   * Whether a body is already encrypted under the current (primary) key; re-encryption skips such
   * bodies.
   *
   * @param body a stored body
   * @return true when the primary key made it; false for an older key or a body no key verifies
   */
  boolean isCurrent(EncryptedBody body);

  /**
   * The fingerprints of every key this cipher decrypts with, the primary's first.
   *
   * @return at least one fingerprint; unmodifiable
   */
  List<KeyFingerprint> keyFingerprints();

  /**
   * The fingerprint of the key that made {@code body}'s token, found by checking the token's
   * authentication with each key (nothing is decrypted); empty when no key this cipher holds
   * verifies it (a tampered or corrupt token, or a key it lacks). For bodies stored without one.
   *
   * @param body a stored body; its recorded fingerprint, if any, is ignored
   * @return the fingerprint of the key that verifies the token; empty if none does
   */
  Optional<KeyFingerprint> identifyKey(EncryptedBody body);
}
