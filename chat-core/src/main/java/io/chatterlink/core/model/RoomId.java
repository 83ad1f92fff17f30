package io.chatterlink.core.model;

/**
 * Identifies a room or direct conversation.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record RoomId(String value) {
  public RoomId {
    Ids.require(value, "RoomId");
  }

  @Override
  public String toString() {
    return value;
  }
}
