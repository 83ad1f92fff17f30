package io.chatterlink.core.port.out;

import io.chatterlink.core.model.PasswordHash;

/** Hashes and verifies passwords. Implementations must be thread-safe and salt every hash. */
public interface PasswordHasher {
  /**
   * Hashes a password with a fresh random salt, so the same password hashes differently each time.
   * Deliberately slow (for Argon2id, tens of milliseconds): call it off event-loop threads.
   *
   * @param password the password as the user typed it; the core has checked its length
   * @return the hash in the hasher's self-describing encoding
   */
  PasswordHash hash(String password);

  /**
   * Checks a password against a stored hash, in constant time with respect to the password.
   *
   * @param password the password as typed at login
   * @param hash the stored hash, made by this hasher or one with other parameters
   * @return true when the password matches; false when it does not or the hash cannot be parsed
   */
  boolean verify(String password, PasswordHash hash);

  /**
   * True when {@code hash} was made with other parameters than this hasher now uses (or cannot be
   * parsed), so that a login whose password just verified should store a fresh hash. Hashers
   * without parameters keep the default, false.
   *
   * @param hash a stored hash whose password was just verified
   * @return true when the hash should be replaced by {@link #hash(String)} of the same password
   */
  default boolean needsRehash(PasswordHash hash) {
    return false;
  }
}
