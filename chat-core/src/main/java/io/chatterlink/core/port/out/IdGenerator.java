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
}
