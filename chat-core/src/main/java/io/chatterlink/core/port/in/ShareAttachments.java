package io.chatterlink.core.port.in;

import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Metadata, access control, limits and the life of uploaded files; the bytes stay with the adapter.
 * The limits are the core's {@link io.chatterlink.core.model.UploadLimits}.
 */
public interface ShareAttachments {
  /**
   * Checks, before an adapter receives an upload's bytes, that the actor may upload to the room
   * now: under the upload rate, and with room in the quota for {@code expectedBytes}. Nothing is
   * recorded: {@link #register} checks the quota again with the real size.
   *
   * @param command who uploads to which room, and the declared size
   * @throws io.chatterlink.core.error.NotFoundException if the actor is not in the room
   * @throws io.chatterlink.core.error.RateLimitedException with a {@code retryAfter} when the actor
   *     uploaded {@code uploadsPerMinute} files in the last minute
   * @throws io.chatterlink.core.error.LimitExceededException when the actor's stored uploads plus
   *     {@code expectedBytes} would pass the quota; the message gives both in MB
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void admitUpload(AdmitUpload command);

  /**
   * Records an uploaded file for a room the actor is in, before it is referenced by a message. The
   * quota is checked again with the real size.
   *
   * @param command the upload's metadata and where the adapter stored its bytes
   * @return the recorded attachment, with a new id; a message can attach it until the unattached
   *     lifetime ends
   * @throws io.chatterlink.core.error.NotFoundException if the actor is not in the room
   * @throws io.chatterlink.core.error.LimitExceededException when the file would pass the quota
   * @throws io.chatterlink.core.error.InvalidInputException for a bad file name
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Attachment register(RegisterAttachment command);

  /**
   * The attachment if the actor is a member of the room it was uploaded to and it is not deleted.
   *
   * @param actor the downloading user
   * @param id the upload
   * @return the metadata, with the storage key the adapter serves the bytes from
   * @throws io.chatterlink.core.error.NotFoundException otherwise, as for a missing file
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Attachment authorizeDownload(UserId actor, AttachmentId id);

  /**
   * Deletes the actor's own upload: it is never served again and no longer counts against the
   * quota; its bytes go after the grace. A second call fails as for a missing file.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such upload in a room of the
   *     actor's, or it is already deleted
   * @throws io.chatterlink.core.error.ForbiddenException if someone else uploaded it
   * @throws io.chatterlink.core.error.ConflictException if a message that is not deleted shows it
   *     (delete the message instead)
   * @param actor the user deleting
   * @param id the upload
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void delete(UserId actor, AttachmentId id);

  /**
   * Forgets at most {@code max} attachments whose bytes may now be deleted: deleted ones past the
   * grace, and ones never attached to a message past their lifetime. Safe to run on several servers
   * at once: each attachment is returned by exactly one call.
   *
   * @param max most attachments to forget in this call; at least 1
   * @return the attachments forgotten, whose bytes the caller deletes
   * @throws IllegalArgumentException if {@code max} is below 1
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<Attachment> removeExpired(int max);

  /**
   * Command to check an upload before its bytes arrive.
   *
   * @param actor the uploading user
   * @param room the room the file is for
   * @param expectedBytes the size the client declared, or 0 if it did not
   */
  record AdmitUpload(UserId actor, RoomId room, long expectedBytes) {}

  /**
   * Command to register an upload.
   *
   * @param actor the uploading user
   * @param room the room the file is for
   * @param mediaType the type the adapter detected from the content
   * @param sizeBytes the stored size in bytes
   * @param originalName the client's file name, for display and downloads
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
