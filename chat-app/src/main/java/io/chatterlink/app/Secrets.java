package io.chatterlink.app;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for settings the operator did not give. */
final class Secrets {
  /** Bytes of randomness in a generated SECRET_KEY: 256 bits. */
  static final int SECRET_KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new SECRET_KEY: 32 random bytes, URL-safe Base64 without padding (43 characters). */
  static String newSecretKey() {
    byte[] bytes = new byte[SECRET_KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
