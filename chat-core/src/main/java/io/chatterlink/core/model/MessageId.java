package io.chatterlink.core.model;

/**
 * Identifies a message.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record MessageId(String value) {
  public MessageId {
    Ids.require(value, "MessageId");
  }

  @Override
  public String toString() {
    return value;
  }
}
