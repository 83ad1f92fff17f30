package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of an uploaded file. The bytes live wherever the web adapter put them, under {@code
 * storageKey}; only members of {@code roomId} may fetch them.
 *
 * @param id the upload's id, named in messages that show it
 * @param roomId the room the file was uploaded to; only its members may fetch it
 * @param uploader the user who uploaded it, charged with its bytes in the upload quota
 * @param sizeBytes the file's size in bytes
 * @param mediaType the type decided from the file's content, e.g. {@code image/png}
 * @param originalName the client's file name, for display and downloads only (never a path)
 * @param storageKey a server-generated name
 * @param thumbnailKey the storage key of a thumbnail, for images
 * @param uploadedAt when the upload finished
 */
public record Attachment(
    AttachmentId id,
    RoomId roomId,
    UserId uploader,
    String mediaType,
    long sizeBytes,
    String originalName,
    String storageKey,
    Optional<String> thumbnailKey,
    Instant uploadedAt) {
  /**
   * Checks the metadata.
   *
   * @param id the upload's id
   * @param roomId the room it belongs to
   * @param uploader who uploaded it
   * @param mediaType the detected media type
   * @param sizeBytes the size in bytes; not negative
   * @param originalName the client's file name, at most 255 characters; it is cleaned as {@link
   *     Text#requireName} cleans names
   * @param storageKey the server-generated name of the bytes
   * @param thumbnailKey the thumbnail's storage key, if any
   * @param uploadedAt when the upload finished
   * @throws IllegalArgumentException if {@code sizeBytes} is negative
   * @throws io.chatterlink.core.error.InvalidInputException if {@code originalName} is blank, too
   *     long or holds control characters
   * @throws NullPointerException if any other component is null
   */
  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(uploader, "uploader");
    Objects.requireNonNull(mediaType, "mediaType");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    originalName = Text.requireName(originalName, "file name", 255);
    Objects.requireNonNull(storageKey, "storageKey");
    Objects.requireNonNull(thumbnailKey, "thumbnailKey");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }
}
