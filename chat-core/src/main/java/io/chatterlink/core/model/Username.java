package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A login name as typed ({@link #display()}) and in the canonical form in which names are compared
 * and kept unique ({@link #canonical()}): Unicode NFKC, then case-folded, then NFKC again, so that
 * "Alice", "ALICE" and "Ａｌｉｃｅ" (full-width) are one name.
 *
 * <p>Rejected: blank names, names shorter than {@value #MIN_LENGTH} or longer than {@value
 * #MAX_LENGTH} code points, and any control, format (including every bidirectional override),
 * separator or whitespace character, and the characters {@code @ / \ : < > " '}: the rule of every
 * chosen name ({@link Text#isAllowedInName(int)}) with no spaces at all.
 *
 * @param display the name as the user chose it (NFC-normalised, trimmed)
 * @param canonical the comparison key
 */
public record Username(String display, String canonical) {
  /** Fewest code points in a username. */
  public static final int MIN_LENGTH = 2;

  /** Most code points in a username. */
  public static final int MAX_LENGTH = 32;

  /**
   * Checks that the pair is consistent; use {@link #of} to make one from typed text.
   *
   * @param display the name as chosen
   * @param canonical its canonical form
   * @throws InvalidInputException if {@code canonical} is not the canonical form of {@code
   *     display}, or the name breaks a rule above
   */
  public Username {
    if (display == null || canonical == null || !canonical.equals(canonicalize(display))) {
      throw new InvalidInputException("username is not in canonical form; use Username.of");
    }
  }

  /**
   * Validates a name as typed.
   *
   * @param typed the name as the user typed it; surrounding whitespace is stripped
   * @return the username in its display and canonical forms
   * @throws InvalidInputException if the name breaks a rule above; the message says which
   */
  public static Username of(String typed) {
    if (typed == null) {
      throw new InvalidInputException("username is required");
    }
    String display = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
    return new Username(display, canonicalize(display));
  }

  private static String canonicalize(String display) {
    int length = display.codePointCount(0, display.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInputException(
          "username must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    display.codePoints().forEach(Username::requireAllowed);
    String folded = Normalizer.normalize(display, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String canonical = Normalizer.normalize(folded, Normalizer.Form.NFKC);
    canonical.codePoints().forEach(Username::requireAllowed);
    return canonical;
  }

  private static void requireAllowed(int cp) {
    boolean invisible =
        !Text.isAllowedInName(cp)
            || Character.getType(cp) == Character.SPACE_SEPARATOR
            || Character.isWhitespace(cp);
    if (invisible) {
      throw new InvalidInputException(
          "username must not contain control, formatting, bidirectional or space characters");
    }
    if ("@/\\:<>\"'".indexOf(cp) >= 0) {
      throw new InvalidInputException("username must not contain any of @ / \\ : < > \" '");
    }
  }

  @Override
  public String toString() {
    return display;
  }
}
