package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of an uploaded file. The bytes live wherever the web adapter put them, under {@code
 * storageKey}; only members of {@code roomId} may fetch them.
 *
 * @param mediaType the type decided from the file's content, e.g. {@code image/png}
 * @param originalName the client's file name, for display and downloads only (never a path)
 * @param storageKey a server-generated name
 * @param thumbnailKey the storage key of a thumbnail, for images
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
