package io.chatterlink.core.port.out;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes new identifiers for users, rooms, messages and attachments. Must be thread-safe. */
@FunctionalInterface
public interface IdGenerator {
  /**
   * A new id, never returned before by this generator.
   *
   * @return 1 to 64 characters from {@code [A-Za-z0-9._-]}, the form every id record accepts
   */
  String next();

  /**
   * 128 random bits as 32 hex digits: unguessable, so ids in URLs reveal nothing.
   *
   * @return a thread-safe generator backed by a {@link SecureRandom}
   */
  static IdGenerator random() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    };
  }

  /**
   * 128 bits as 32 hex digits that sort by creation time: the first 48 bits are the milliseconds
   * since the epoch, the remaining 80 are random (the layout of a version 7 UUID without its
   * version bits), so two ids of one millisecond are still unguessable from each other.
   *
   * <p>Databases index ids in B-trees: random ids land on random pages, so every insert dirties
   * pages all over the index (and SQLite writes each dirty page to its WAL at every commit); ids
   * that grow with time land on the index's last page. The creation time they reveal is one every
   * message carries anyway.
   *
   * @return a thread-safe generator backed by a {@link SecureRandom}
   */
  static IdGenerator timeOrdered() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      long millis = System.currentTimeMillis();
      for (int i = 5; i >= 0; i--) {
        bytes[i] = (byte) millis;
        millis >>>= 8;
      }
      return HexFormat.of().formatHex(bytes);
    };
  }
}
