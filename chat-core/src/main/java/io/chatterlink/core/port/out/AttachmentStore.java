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
   * @param attachment the metadata of an upload whose bytes the adapter has already stored
   * @throws io.chatterlink.core.error.ConflictException if the id is taken
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  void insert(Attachment attachment);

  /**
   * The attachment, unless it is unknown or released.
   *
   * @param id the upload
   * @return its metadata; empty for an unknown or released upload
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Optional<Attachment> find(AttachmentId id);

  /**
   * The bytes a user has stored, for the upload quota: the sum of the sizes of {@code uploader}'s
   * attachments that are not released.
   *
   * @param uploader the user
   * @return the sum in bytes; 0 for a user with no uploads
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  long storedBytes(UserId uploader);

  /**
   * When {@code uploader}'s attachments uploaded after {@code since} were uploaded, released ones
   * included, newest first, at most {@code limit} of them. The upload rate limit counts them.
   *
   * @param uploader the user
   * @param since the exclusive start of the window
   * @param limit most instants wanted (the rate limit asks for one more than it allows)
   * @return the upload times, newest first
   * @throws IllegalArgumentException if {@code limit} is not positive
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
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

  /**
   * Releases an upload at {@code at} (its uploader withdrew it), unless a message that is not
   * deleted lists it.
   *
   * @param id the upload
   * @param at the release time, from which the grace before its bytes are deleted counts
   * @return whether it was withdrawn, is in a message, or was not found
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  Withdrawal withdraw(AttachmentId id, Instant at);

  /**
   * Attachments whose bytes may be deleted, oldest first, at most {@code limit}: those released at
   * or before {@code releasedBefore}, and those never listed by a message and uploaded at or before
   * {@code uploadedBefore}.
   *
   * @param releasedBefore released uploads at or before this instant are expired
   * @param uploadedBefore never-attached uploads made at or before this instant are expired
   * @param limit most attachments wanted
   * @return the expired attachments, oldest first
   * @throws IllegalArgumentException if {@code limit} is not positive
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<Attachment> expired(Instant releasedBefore, Instant uploadedBefore, int limit);

  /**
   * Deletes an attachment's row if no message that is not deleted lists it. Idempotent: when
   * several servers remove the same attachment at once, exactly one call returns true.
   *
   * @param id the upload, normally one {@link #expired} returned
   * @return whether this call deleted the row; false when it was gone already or a message lists it
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  boolean remove(AttachmentId id);
}
