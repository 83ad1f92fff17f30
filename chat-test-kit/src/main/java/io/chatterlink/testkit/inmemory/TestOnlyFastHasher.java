package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * <strong>TEST ONLY — NOT A SAFE WAY TO STORE PASSWORDS.</strong> One salted SHA-256, which is fast
 * on purpose so that tests which register many users stay fast; for the same reason it is fast for
 * an attacker to brute-force. Real servers use chat-crypto's hasher. Hashes look like {@code
 * test-only$<base64 salt>$<base64 digest>}. Thread-safe.
 */
public final class TestOnlyFastHasher implements PasswordHasher {
  private static final String PREFIX = "test-only";
  private static final int SALT_BYTES = 16;
  private static final int DIGEST_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  @Override
  public PasswordHash hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    String digest = base64.encodeToString(digest(salt, password));
    return new PasswordHash(PREFIX + "$" + base64.encodeToString(salt) + "$" + digest);
  }

  @Override
  public boolean verify(String password, PasswordHash hash) {
    String[] parts = hash.encoded().split("\\$", -1);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(parts[1]);
      expected = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (salt.length != SALT_BYTES || expected.length != DIGEST_BYTES) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(salt, password));
  }

  private static byte[] digest(byte[] salt, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
