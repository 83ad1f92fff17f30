package io.chatterlink.core.model;

/**
 * Identifies an uploaded file.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record AttachmentId(String value) {
  public AttachmentId {
    Ids.require(value, "AttachmentId");
  }

  @Override
  public String toString() {
    return value;
  }
}
