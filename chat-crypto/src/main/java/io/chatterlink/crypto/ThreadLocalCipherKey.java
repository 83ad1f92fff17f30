package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.TokenValidationException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Fernet key that reuses one AES-CBC cipher and one HMAC-SHA256 engine per thread. The library's
 * {@link Key} looks both up again for every token ({@code Cipher.getInstance} alone costs more than
 * the encryption of a chat message), which made it several times slower than the primitives. Same
 * algorithms, same bytes: the specification vectors, the Python interoperability test and a
 * comparison with the library's own key check that. Each thread that uses a key keeps one cipher
 * and one MAC (a few hundred bytes), for as long as the thread lives.
 */
final class ThreadLocalCipherKey extends Key {
  private static final ThreadLocal<Cipher> AES_CBC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/CBC/PKCS5Padding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("every Java platform has AES/CBC/PKCS5Padding", e);
            }
          });
  private static final ThreadLocal<Mac> HMAC_SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("every Java platform has HmacSHA256", e);
            }
          });

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec signingKey;

  /** A key from its 32 bytes: 16 for signing, then 16 for encryption, as the format defines. */
  ThreadLocalCipherKey(byte[] concatenatedKeys) {
    super(concatenatedKeys);
    this.encryptionKey = getEncryptionKeySpec();
    this.signingKey = new SecretKeySpec(getSigningKey(), getSigningAlgorithm());
  }

  @Override
  public byte[] encrypt(byte[] payload, IvParameterSpec initializationVector) {
    Cipher cipher = AES_CBC.get();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, initializationVector);
      return cipher.doFinal(payload);
    } catch (GeneralSecurityException e) {
      // Cannot happen: the key length and padding are ours.
      throw new IllegalStateException("AES-CBC encryption failed", e);
    }
  }

  @Override
  protected byte[] decrypt(byte[] cipherText, IvParameterSpec initializationVector) {
    Cipher cipher = AES_CBC.get();
    try {
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, initializationVector);
      return cipher.doFinal(cipherText);
    } catch (BadPaddingException | IllegalBlockSizeException e) {
      // Bad input, reported the way the library reports it (no message detail: it is never shown).
      throw new TokenValidationException("Invalid padding or block size in token.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC decryption could not start", e);
    }
  }

  @Override
  public byte[] sign(
      byte version, Instant timestamp, IvParameterSpec initializationVector, byte[] cipherText) {
    Mac mac = HMAC_SHA256.get();
    try {
      mac.init(signingKey);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 rejected a 16-byte key", e);
    }
    mac.update(version);
    mac.update(ByteBuffer.allocate(Long.BYTES).putLong(timestamp.getEpochSecond()).array());
    mac.update(initializationVector.getIV());
    return mac.doFinal(cipherText);
  }
}
