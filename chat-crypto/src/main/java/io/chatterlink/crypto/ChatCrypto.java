package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The entry point of ChatterLink's cryptography: the message cipher, Fernet key generation and the
 * password hasher. All methods are thread-safe and so are the objects they return.
 *
 * <p><b>FERNET_KEY</b> holds one Fernet key (32 random bytes in URL-safe base64, 44 characters), or
 * a comma-separated list of at most 16 keys. The first key (the primary) encrypts; every key
 * decrypts. To rotate: generate a key, put it first ({@code FERNET_KEY=new,old}), restart, run the
 * re-encryption, then drop the old key.
 */
public final class ChatCrypto {
  /** Bytes of randomness in a {@link #generateSecret()}: 256 bits. */
  public static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ChatCrypto() {}

  /**
   * Builds the message cipher from the value of the {@code FERNET_KEY} setting. Tokens carry no
   * practical expiry: data at rest stays readable however old it is.
   *
   * @param fernetKeySetting one key, or a comma-separated list with the primary key first; spaces
   *     around keys are ignored
   * @throws CryptoConfigurationException if the setting is null, blank, holds more than 16 keys, or
   *     an entry is empty, not URL-safe base64, not 32 bytes, or a repeat; the message names {@code
   *     FERNET_KEY} and the entry's position, never the value
   * @return a thread-safe cipher whose first key encrypts and whose every key decrypts
   */
  public static MessageCipher cipherFromSetting(String fernetKeySetting) {
    return FernetMessageCipher.atRest(FernetKeyRing.parse(fernetKeySetting), Clock.systemUTC());
  }

  /**
   * Generates a key for {@code FERNET_KEY}.
   *
   * @return a fresh random Fernet key in URL-safe base64 (32 bytes, 44 characters with padding)
   */
  public static String generateKey() {
    return Key.generateKey().serialise();
  }

  /**
   * Generates a random secret for a signing key such as the server's {@code SECRET_KEY}: {@value
   * #SECRET_BYTES} bytes from a {@link SecureRandom}, in URL-safe base64 without padding (43
   * characters), which a {@link KeyFiles key file} can hold.
   *
   * @return a fresh random secret
   */
  public static String generateSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The production password hasher: Argon2id with {@link Argon2Settings#recommended()}. Hashes are
   * PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carry their own parameters.
   *
   * @return a thread-safe hasher for new accounts and logins
   */
  public static PasswordHasher passwordHasher() {
    return passwordHasher(Argon2Settings.recommended());
  }

  /**
   * An Argon2id password hasher with the given settings for new hashes; it verifies hashes made
   * with any settings within {@link Argon2Settings}' bounds.
   *
   * @param settings the costs of new hashes ({@link Argon2Settings#testOnlyCheap()} in tests)
   * @return a thread-safe hasher
   */
  public static PasswordHasher passwordHasher(Argon2Settings settings) {
    return new Argon2PasswordHasher(settings);
  }
}
