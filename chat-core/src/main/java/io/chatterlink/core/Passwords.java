package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Limits;

/**
 * The rules a new password must meet: {@value Limits#MIN_PASSWORD_LENGTH} to {@value
 * Limits#MAX_PASSWORD_LENGTH} characters, not whitespace only, and not one of the most common
 * passwords of breach corpora ({@link CommonPasswords}, compared ignoring case).
 */
final class Passwords {
  private Passwords() {}

  /** Checks a password being set; the message never repeats the password. */
  static String requireAcceptable(String password) {
    if (password == null || password.length() < Limits.MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password must have at least " + Limits.MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > Limits.MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password must have at most " + Limits.MAX_PASSWORD_LENGTH + " characters");
    }
    if (password.codePoints().allMatch(Passwords::isSpace)) {
      throw new InvalidInputException("password must not be only spaces");
    }
    if (CommonPasswords.contains(password)) {
      throw new InvalidInputException(
          "password is too common (one of the 10,000 most used); choose another");
    }
    return password;
  }

  /** Whitespace, or a space such as U+00A0 that {@link String#isBlank()} would not count. */
  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /** Whether a password offered at login is worth hashing at all (bounds an attacker's work). */
  static boolean plausible(String password) {
    return password != null
        && !password.isEmpty()
        && password.length() <= Limits.MAX_PASSWORD_LENGTH;
  }
}
