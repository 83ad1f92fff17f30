package io.chatterlink.core.model;

/**
 * Identifies a message, chosen by the sending client so that a resend is recognised.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record ClientMessageId(String value) {
  public ClientMessageId {
    Ids.require(value, "ClientMessageId");
  }

  @Override
  public String toString() {
    return value;
  }
}
