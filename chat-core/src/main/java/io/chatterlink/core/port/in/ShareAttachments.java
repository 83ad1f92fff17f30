package io.chatterlink.core.port.in;

import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Optional;

/** Metadata and access control for uploaded files; the bytes stay with the adapter. */
public interface ShareAttachments {
  /**
   * Records an uploaded file for a room the actor is in, before it is referenced by a message.
   *
   * @throws io.chatterlink.core.error.NotFoundException if the actor is not in the room
   */
  Attachment register(RegisterAttachment command);

  /**
   * The attachment if the actor is a member of the room it was uploaded to.
   *
   * @throws io.chatterlink.core.error.NotFoundException otherwise, as for a missing file
   */
  Attachment authorizeDownload(UserId actor, AttachmentId id);

  /**
   * Command to register an upload.
   *
   * @param storageKey where the adapter stored the bytes
   * @param thumbnailKey where it stored a thumbnail, for images
   */
  record RegisterAttachment(
      UserId actor,
      RoomId room,
      String mediaType,
      long sizeBytes,
      String originalName,
      String storageKey,
      Optional<String> thumbnailKey) {}
}
