package io.chatterlink.core.port.out;

import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Metadata of uploaded files and where each is in its life. The bytes are the web adapter's
 * business.
 *
 * <p>An upload is <em>unattached</em> until a message lists it, <em>in a message</em> while a
 * message that is not deleted lists it, and <em>released</em> once its uploader withdrew it or the
 * last message listing it was deleted ({@link MessageStore#delete} releases, in the same
 * transaction). A released upload is never found again; its row stays until {@link #remove} so that
 * the adapter can delete its bytes after a grace.
 */
public interface AttachmentStore {
  /**
   * Stores an attachment's metadata, unattached.
   *
   * @throws io.chatterlink.core.error.ConflictException if the id is taken
   */
  void insert(Attachment attachment);

  /** The attachment, unless it is unknown or released. */
  Optional<Attachment> find(AttachmentId id);

  /** Sum of the sizes of {@code uploader}'s attachments that are not released. */
  long storedBytes(UserId uploader);

  /**
   * When {@code uploader}'s attachments uploaded after {@code since} were uploaded, released ones
   * included, newest first, at most {@code limit} of them.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  List<Instant> uploadTimes(UserId uploader, Instant since, int limit);

  /** What {@link #withdraw} did. */
  enum Withdrawal {
    /** The upload is released as of the given instant. */
    WITHDRAWN,
    /** A message that is not deleted lists the upload: nothing changed. */
    IN_MESSAGE,
    /** No such upload, or already released: nothing changed. */
    NOT_FOUND
  }

  /** Releases an upload at {@code at}, unless a message that is not deleted lists it. */
  Withdrawal withdraw(AttachmentId id, Instant at);

  /**
   * Attachments whose bytes may be deleted, oldest first, at most {@code limit}: those released at
   * or before {@code releasedBefore}, and those never listed by a message and uploaded at or before
   * {@code uploadedBefore}.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  List<Attachment> expired(Instant releasedBefore, Instant uploadedBefore, int limit);

  /**
   * Deletes an attachment's row if no message that is not deleted lists it. Idempotent: when
   * several servers remove the same attachment at once, exactly one call returns true.
   *
   * @return whether this call deleted the row
   */
  boolean remove(AttachmentId id);
}
