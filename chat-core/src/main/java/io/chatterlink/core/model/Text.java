package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;

/** Validation shared by the human-written strings of the domain (names, message text). */
public final class Text {
  private Text() {}

  /**
   * Returns {@code value} stripped, or throws if it is blank, longer than {@code max} or holds a
   * control character other than tab and newline.
   *
   * @param what the field's name, used in the error message
   */
  public static String require(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(what + " must not be blank");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidInputException(what + " is longer than " + max + " characters");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new InvalidInputException(what + " must not contain control characters");
      }
    }
    return stripped;
  }

  /** Like {@link #require} for names: a single line, so tabs and newlines are refused too. */
  public static String requireName(String value, String what, int max) {
    String name = require(value, what, max);
    if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
      throw new InvalidInputException(what + " must be a single line");
    }
    return name;
  }
}
