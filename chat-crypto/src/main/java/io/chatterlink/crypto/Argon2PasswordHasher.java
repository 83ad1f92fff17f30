package io.chatterlink.crypto;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@link PasswordHasher} with Argon2id (Bouncy Castle). New hashes use this hasher's settings;
 * verification uses the settings stored in each hash, so settings can be raised without locking
 * anyone out. Thread-safe: every call has its own generator.
 */
final class Argon2PasswordHasher implements PasswordHasher {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private final Argon2Settings settings;
  private final SecureRandom random = new SecureRandom();

  Argon2PasswordHasher(Argon2Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Hashes with a fresh 16-byte salt.
   *
   * @throws InvalidInputException if the password is longer than {@link
   *     Limits#MAX_PASSWORD_LENGTH}, checked before any hashing work
   */
  @Override
  public PasswordHash hash(String password) {
    Objects.requireNonNull(password, "password");
    if (password.length() > Limits.MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password must have at most " + Limits.MAX_PASSWORD_LENGTH + " characters");
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, settings, salt, HASH_BYTES);
    return new PasswordHash(new Argon2Hash(settings, salt, hash).encode());
  }

  /**
   * False for a wrong password, a password over the length limit (without hashing it), and any hash
   * this hasher cannot parse.
   */
  @Override
  public boolean verify(String password, PasswordHash stored) {
    if (password == null || password.length() > Limits.MAX_PASSWORD_LENGTH) {
      return false;
    }
    return Argon2Hash.parse(stored.encoded())
        .map(
            parsed -> {
              byte[] expected = parsed.hash();
              byte[] actual = derive(password, parsed.settings(), parsed.salt(), expected.length);
              return MessageDigest.isEqual(expected, actual);
            })
        .orElse(false);
  }

  /** Whether a stored hash was made with other settings than this hasher's (rehash it at login). */
  boolean needsRehash(PasswordHash stored) {
    return Argon2Hash.parse(stored.encoded()).map(h -> !h.settings().equals(settings)).orElse(true);
  }

  private static byte[] derive(String password, Argon2Settings settings, byte[] salt, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(settings.memoryKiB())
            .withIterations(settings.iterations())
            .withParallelism(settings.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(passwordBytes, out);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
    return out;
  }
}
