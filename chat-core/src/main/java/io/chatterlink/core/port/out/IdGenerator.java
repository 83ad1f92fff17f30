package io.chatterlink.core.port.out;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes new identifiers for users, rooms, messages and attachments. Must be thread-safe. */
@FunctionalInterface
public interface IdGenerator {
  /** A new id of 1 to 64 characters from {@code [A-Za-z0-9._-]}, never returned before. */
  String next();

  /** 128 random bits as 32 hex digits: unguessable, so ids in URLs reveal nothing. */
  static IdGenerator random() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    };
  }
}
