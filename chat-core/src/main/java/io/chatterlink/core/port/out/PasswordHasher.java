package io.chatterlink.core.port.out;

import io.chatterlink.core.model.PasswordHash;

/** Hashes and verifies passwords. Implementations must be thread-safe and salt every hash. */
public interface PasswordHasher {
  PasswordHash hash(String password);

  /** Compares in constant time with respect to the password; false for a hash it cannot parse. */
  boolean verify(String password, PasswordHash hash);
}
