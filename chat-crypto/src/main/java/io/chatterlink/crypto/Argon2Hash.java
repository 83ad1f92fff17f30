package io.chatterlink.crypto;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Argon2id hash in the PHC string format that libargon2, Python's argon2-cffi and others use:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in standard base64 without
 * padding.
 */
final class Argon2Hash {
  /** Argon2 version 1.3, the only one accepted. */
  static final int VERSION = 19;

  static final int MIN_SALT_BYTES = 8;
  static final int MAX_SALT_BYTES = 64;
  static final int MIN_HASH_BYTES = 16;
  static final int MAX_HASH_BYTES = 64;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  private final Argon2Settings settings;
  private final byte[] salt;
  private final byte[] hash;

  Argon2Hash(Argon2Settings settings, byte[] salt, byte[] hash) {
    this.settings = settings;
    this.salt = salt.clone();
    this.hash = hash.clone();
  }

  /**
   * Parses a PHC string; empty for anything malformed, another algorithm, or out-of-range costs.
   */
  static Optional<Argon2Hash> parse(String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (!m.matches() || Integer.parseInt(m.group(1)) != VERSION) {
      return Optional.empty();
    }
    try {
      Argon2Settings settings =
          new Argon2Settings(
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)));
      byte[] salt = Base64.getDecoder().decode(m.group(5));
      byte[] hash = Base64.getDecoder().decode(m.group(6));
      if (!within(salt.length, MIN_SALT_BYTES, MAX_SALT_BYTES)
          || !within(hash.length, MIN_HASH_BYTES, MAX_HASH_BYTES)) {
        return Optional.empty();
      }
      return Optional.of(new Argon2Hash(settings, salt, hash));
    } catch (IllegalArgumentException e) {
      // Costs out of range, or base64 of impossible length.
      return Optional.empty();
    }
  }

  String encode() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v="
        + VERSION
        + "$m="
        + settings.memoryKiB()
        + ",t="
        + settings.iterations()
        + ",p="
        + settings.parallelism()
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  Argon2Settings settings() {
    return settings;
  }

  byte[] salt() {
    return salt.clone();
  }

  byte[] hash() {
    return hash.clone();
  }

  private static boolean within(int value, int min, int max) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return "Argon2Hash[" + settings + ", hidden]";
  }
}
