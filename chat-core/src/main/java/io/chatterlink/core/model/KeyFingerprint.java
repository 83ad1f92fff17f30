package io.chatterlink.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the key a body was encrypted under, without revealing anything that helps recover it: the
 * cipher derives it with a one-way hash (for Fernet, the first 8 bytes of a SHA-256 of a fixed
 * label and the key). Stored beside each body, so that a server can tell at start whether its keys
 * open every stored body, and shown to operators, who compare it with {@code gen-key}'s output.
 *
 * @param value 16 lowercase hexadecimal digits
 */
public record KeyFingerprint(String value) {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

  /**
   * Checks the form.
   *
   * @param value 16 lowercase hexadecimal digits
   * @throws IllegalArgumentException if the value is not of that form
   */
  public KeyFingerprint {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a key fingerprint is 16 lowercase hexadecimal digits");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
