package io.chatterlink.core.port.out;

import io.chatterlink.core.model.PasswordHash;

/** Hashes and verifies passwords. Implementations must be thread-safe and salt every hash. */
public interface PasswordHasher {
  PasswordHash hash(String password);

  /** Compares in constant time with respect to the password; false for a hash it cannot parse. */
  boolean verify(String password, PasswordHash hash);

  /**
   * True when {@code hash} was made with other parameters than this hasher now uses (or cannot be
   * parsed), so that a login whose password just verified should store a fresh hash. Hashers
   * without parameters keep the default, false.
   */
  default boolean needsRehash(PasswordHash hash) {
    return false;
  }
}
