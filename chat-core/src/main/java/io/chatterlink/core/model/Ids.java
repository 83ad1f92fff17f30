package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;

/** Shared validation of the string identifiers used by the id records of this package. */
final class Ids {
  /** Longest identifier accepted from any adapter; generated ids are far shorter. */
  static final int MAX_LENGTH = 64;

  private Ids() {}

  static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(what + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!safe) {
        throw new InvalidInputException(
            what + " may contain only letters, digits, '-', '_' and '.'");
      }
    }
    return value;
  }
}
