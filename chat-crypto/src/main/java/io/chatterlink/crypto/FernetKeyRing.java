package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Parses the {@code FERNET_KEY} setting into an ordered key ring: primary (encrypting) key first.
 * Every error names the setting and the position of the bad entry, never its value.
 */
final class FernetKeyRing {
  static final String SETTING = "FERNET_KEY";

  /**
   * Most keys in a ring: a failed decryption tries every key, so the ring's size bounds the work.
   */
  static final int MAX_KEYS = 16;

  private static final int KEY_BYTES = 32;

  private FernetKeyRing() {}

  /** Parses one key or a comma-separated list of keys; whitespace around each key is ignored. */
  static List<Key> parse(String setting) {
    if (setting == null || setting.isBlank()) {
      throw new CryptoConfigurationException(
          SETTING
              + " is not set: give one Fernet key, or a comma-separated list with the"
              + " primary key first (generate one with ChatCrypto.generateKey())");
    }
    String[] entries = setting.split(",", -1);
    if (entries.length > MAX_KEYS) {
      throw new CryptoConfigurationException(
          SETTING + " holds " + entries.length + " keys; at most " + MAX_KEYS + " are allowed");
    }
    List<Key> ring = new ArrayList<>(entries.length);
    for (int i = 0; i < entries.length; i++) {
      int position = i + 1;
      Key key = new ThreadLocalCipherKey(decode(entries[i].strip(), position));
      // Compared as keys, not strings, so that a padded and an unpadded spelling count as one.
      int earlier = ring.indexOf(key);
      if (earlier >= 0) {
        throw invalid(position, "repeats the " + ordinal(earlier + 1) + " key");
      }
      ring.add(key);
    }
    return List.copyOf(ring);
  }

  private static byte[] decode(String entry, int position) {
    if (entry.isEmpty()) {
      throw invalid(position, "is empty");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(entry);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character, so it is deliberately dropped.
      throw invalid(position, "is not URL-safe base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw invalid(
          position,
          "decodes to " + bytes.length + " bytes; a Fernet key is " + KEY_BYTES + " bytes");
    }
    return bytes;
  }

  private static CryptoConfigurationException invalid(int position, String problem) {
    return new CryptoConfigurationException(
        SETTING + ": the " + ordinal(position) + " key " + problem + " (keys are not shown)");
  }

  /** English ordinal for a position: 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st. */
  static String ordinal(int n) {
    int lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return n + "th";
    }
    switch (n % 10) {
      case 1:
        return n + "st";
      case 2:
        return n + "nd";
      case 3:
        return n + "rd";
      default:
        return n + "th";
    }
  }
}
