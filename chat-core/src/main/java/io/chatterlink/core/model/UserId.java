package io.chatterlink.core.model;

/**
 * Identifies a user.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 */
public record UserId(String value) {
  /**
   * Checks the value's form.
   *
   * @param value the identifier, as stored and sent on the wire
   * @throws io.chatterlink.core.error.InvalidInputException if the value is blank, longer than 64
   *     characters or holds a character outside {@code [A-Za-z0-9._-]}
   */
  public UserId {
    Ids.require(value, "UserId");
  }

  @Override
  public String toString() {
    return value;
  }
}
