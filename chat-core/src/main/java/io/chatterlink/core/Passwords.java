package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Limits;

/** The rules a new password must meet. */
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
    return password;
  }

  /** Whether a password offered at login is worth hashing at all (bounds an attacker's work). */
  static boolean plausible(String password) {
    return password != null
        && !password.isEmpty()
        && password.length() <= Limits.MAX_PASSWORD_LENGTH;
  }
}
