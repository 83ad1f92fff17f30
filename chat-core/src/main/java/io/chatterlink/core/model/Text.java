package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;

/**
 * Validation shared by the human-written strings of the domain (names, message text).
 *
 * <p>Names that people choose (usernames, room names, display names) follow one character rule,
 * {@link #isAllowedInName(int)}: no control, format (Unicode category Cf, which holds every
 * bidirectional control such as U+202E and U+2066, the marks U+200E/U+200F, the zero-width joiner
 * U+200D and the byte-order mark), line or paragraph separator, private-use, surrogate or
 * unassigned character. Such characters are invisible or reorder the text around them, so they let
 * one name pass for another. Room and display names may hold spaces between words; leading and
 * trailing whitespace is stripped. Usernames refuse spaces altogether ({@link Username}).
 */
public final class Text {
  private Text() {}

  /**
   * Returns {@code value} stripped, or throws if it is blank, longer than {@code max} or holds a
   * control character other than tab and newline.
   *
   * @param value the text; may be null (refused)
   * @param what the field's name, used in the error message
   * @param max most characters (UTF-16 code units) after stripping
   * @return the text without leading and trailing whitespace
   * @throws InvalidInputException naming {@code what} and the rule broken
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

  /**
   * A message text, kept exactly as sent: not stripped, so an indented code block keeps its
   * indentation. Refused when it is missing or holds only whitespace, is longer than {@code max}
   * UTF-16 code units, holds a lone surrogate (text that is not valid Unicode, which storage would
   * otherwise turn into {@code ?}), or a control character other than tab and newline.
   *
   * @param value the text as sent; may be null (refused)
   * @param max most UTF-16 code units
   * @return {@code value} unchanged
   * @throws InvalidInputException naming the rule broken
   */
  public static String requireMessage(String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("message text must not be empty or only whitespace");
    }
    if (value.length() > max) {
      throw new InvalidInputException("message text is longer than " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(
            "message text is not valid Unicode: it holds a lone surrogate at index " + i);
      } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new InvalidInputException("message text must not contain control characters");
      }
    }
    return value;
  }

  /**
   * Like {@link #require} for names: a single line, so tabs and newlines are refused too. This is
   * the structural check of records that hold a name; a name being chosen or changed must also pass
   * {@link #requireVisibleName}, which records do not apply so that names stored under older rules
   * still load.
   *
   * @param value the name; may be null (refused)
   * @param what the field's name, used in the error message
   * @param max most characters after stripping
   * @return the name stripped
   * @throws InvalidInputException naming {@code what} and the rule broken
   */
  public static String requireName(String value, String what, int max) {
    String name = require(value, what, max);
    if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
      throw new InvalidInputException(what + " must be a single line");
    }
    return name;
  }

  /**
   * A name being chosen or changed (room name, display name): {@link #requireName} and every
   * character allowed by {@link #isAllowedInName(int)}. Returns the name stripped.
   *
   * @param value the name as typed; may be null (refused)
   * @param what the field's name, used in the error message
   * @param max most characters after stripping
   * @return the name stripped
   * @throws io.chatterlink.core.error.InvalidInputException naming {@code what} and the rule broken
   */
  public static String requireVisibleName(String value, String what, int max) {
    String name = requireName(value, what, max);
    if (!name.codePoints().allMatch(Text::isAllowedInName)) {
      throw new InvalidInputException(
          what
              + " must not contain control, formatting, bidirectional or line separator characters");
    }
    return name;
  }

  /**
   * The character rule of every name people choose: false for control, format (Cf, including the
   * bidirectional controls), line and paragraph separator, private-use, surrogate and unassigned
   * code points (unassigned in the running JVM's Unicode version), true for everything else.
   *
   * @param codePoint a Unicode code point
   * @return whether a chosen name may contain it
   */
  public static boolean isAllowedInName(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL,
      Character.FORMAT,
      Character.LINE_SEPARATOR,
      Character.PARAGRAPH_SEPARATOR,
      Character.PRIVATE_USE,
      Character.SURROGATE,
      Character.UNASSIGNED:
        return false;
      default:
        return true;
    }
  }
}
