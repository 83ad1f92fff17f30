package io.chatterlink.core.model;

/**
 * Identifies a user.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record UserId(String value) {
  public UserId {
    Ids.require(value, "UserId");
  }

  @Override
  public String toString() {
    return value;
  }
}
