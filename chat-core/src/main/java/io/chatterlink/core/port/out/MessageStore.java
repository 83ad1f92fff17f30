package io.chatterlink.core.port.out;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Each room's message log. Every post, edit and delete is an entry with the room's next seq: seqs
 * start at 1 and are strictly increasing and gap-free per room, also under concurrent writers. The
 * store only ever sees {@link EncryptedBody encrypted bodies}.
 *
 * <p>Durability: every method that writes returns only after the write is durable in the adapter's
 * sense (committed, for a database); if it throws, nothing was written.
 */
public interface MessageStore {
  /**
   * Appends a post with the room's next seq, unless the (sender, client message id) pair is already
   * stored; then returns the original as a duplicate and writes nothing. The pair's uniqueness is
   * enforced atomically, also between concurrent appends.
   *
   * @param message the post; its room must exist
   * @return the stored message with its seq, and whether it was a duplicate
   * @throws io.chatterlink.core.error.ConflictException if the message id is already taken by
   *     another message
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  AppendOutcome append(NewMessage message);

  /**
   * As {@link #append}, without holding the caller's thread until the write is durable, for a
   * caller that keeps several appends in flight. Appends that one thread starts one after another
   * into one room get seqs in that order: an adapter queues the append before it returns (a caller
   * that pipelines a connection's sends relies on it).
   *
   * <p>The stage may complete on a thread that writes for every caller (a group-commit writer):
   * dependent work must not block it, and heavy work should move elsewhere ({@code
   * thenApplyAsync}). The default runs {@link #append} on the calling thread; a decorator of
   * another store must forward this method, or it turns the other store's appends synchronous.
   *
   * @param message the post; its room must exist
   * @return completes with what {@link #append} returns once the write is durable, or exceptionally
   *     with what it throws (then nothing was written)
   */
  default CompletionStage<AppendOutcome> appendAsync(NewMessage message) {
    try {
      return CompletableFuture.completedFuture(append(message));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A message in its current state, tombstones included.
   *
   * @param id the message
   * @return the message, deleted or not; empty if no message has that id
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Optional<StoredMessage> find(MessageId id);

  /**
   * Replaces a message's body and logs the edit under the room's next seq.
   *
   * @param id the message to edit
   * @param body the new body, already encrypted
   * @param at when the edit happened; becomes the message's {@code editedAt}
   * @return the EDITED entry
   * @throws io.chatterlink.core.error.NotFoundException if there is no such message, or it is
   *     deleted
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  LogEntry edit(MessageId id, EncryptedBody body, Instant at);

  /**
   * Deletes a message, erasing its body everywhere it is stored, and logs the delete under the
   * room's next seq. In the same step it releases the message's attachments that no other message
   * lists (see {@link AttachmentStore}): from then on they are never served.
   *
   * @param id the message to delete
   * @param at when it was deleted
   * @return the DELETED entry
   * @throws io.chatterlink.core.error.NotFoundException if there is no such message, or it is
   *     already deleted
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  LogEntry delete(MessageId id, Instant at);

  /**
   * A page of posts (current state, tombstones included), oldest first. Edit and delete entries are
   * not posts: they only change the state of the post they refer to.
   *
   * @param room the room; an unknown room has empty pages
   * @param request which page and how many posts (the request checked its own limit)
   * @return at most {@code request.limit()} posts, oldest first
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<StoredMessage> page(RoomId room, PageRequest request);

  /**
   * Log entries with a seq above {@code afterSeq}, oldest first, at most {@code limit}; a store may
   * return fewer when {@code limit} is above {@link
   * io.chatterlink.core.model.Limits#MAX_RESYNC_BATCH}.
   *
   * @param room the room
   * @param afterSeq the last seq the caller has; 0 for the whole log
   * @param limit most entries wanted; at least 1
   * @return the entries, oldest first; fewer than {@code limit} only at the end of the log or above
   *     the resync batch size
   * @throws IllegalArgumentException if {@code limit} is below 1 (a caller's bug, not input)
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit);

  /**
   * The seq of the room's newest entry (post, edit or delete).
   *
   * @param room the room
   * @return the seq; 0 when the room has no entries
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  long lastSeq(RoomId room);

  /**
   * Counts the unread messages of a member: posts not deleted, with a seq above {@code afterSeq},
   * not sent by {@code reader}.
   *
   * @param room the room
   * @param afterSeq the member's read marker
   * @param reader the member, whose own posts never count as unread
   * @return the count; 0 when nothing is unread
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  long countUnread(RoomId room, long afterSeq, UserId reader);

  /**
   * Stored bodies in a stable order after {@code cursor} (empty for the start), at most {@code
   * limit}; for re-encryption. Each {@link BodyRecord} names where the body sits. Bodies of deleted
   * messages are erased and never returned.
   *
   * @param cursor the cursor of the last record of the previous batch; empty to start
   * @param limit most records wanted; at least 1
   * @return the next bodies; fewer than {@code limit} (possibly none) only at the end
   * @throws IllegalArgumentException if {@code limit} is below 1 (a caller's bug, not input)
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit);

  /**
   * Like {@link #bodiesAfter}, but only the bodies stored without a key fingerprint (before
   * fingerprints were recorded), in the same order and with the same cursors: for the start's key
   * check, which identifies their keys once.
   *
   * @param cursor the cursor of the last record of the previous batch; empty to start
   * @param limit most records wanted; at least 1
   * @return the next unfingerprinted bodies; fewer than {@code limit} only at the end
   * @throws IllegalArgumentException if {@code limit} is below 1 (a caller's bug, not input)
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  List<BodyRecord> unfingerprintedBodiesAfter(Optional<String> cursor, int limit);

  /**
   * The distinct fingerprints of the keys the stored bodies were encrypted under, as recorded with
   * each body ({@link EncryptedBody#key()}); bodies without one are not counted. Answered from an
   * index, so it is cheap enough for every start.
   *
   * @return the fingerprints; empty for an empty store or one whose bodies have none recorded
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read
   */
  Set<KeyFingerprint> bodyKeys();

  /**
   * Replaces stored bodies in place, without touching seqs or logging anything: for re-encryption
   * and for recording a body's key fingerprint. A record whose body's token changed since it was
   * read is left alone. The replacement's fingerprint is stored with it.
   *
   * @param rewrites the replacements, each naming the body it expects to find
   * @return how many bodies were replaced; the others had changed (or were deleted) meanwhile
   * @throws io.chatterlink.core.error.UnavailableException if the write failed; nothing was written
   */
  int replaceBodies(List<BodyRewrite> rewrites);

  /**
   * A stored body and where it sits.
   *
   * @param cursor opaque position; pass the last one back to {@link #bodiesAfter} to go on
   * @param body the body stored there
   */
  record BodyRecord(String cursor, EncryptedBody body) {}

  /**
   * Replace {@code expected} by {@code replacement} at {@code cursor}.
   *
   * @param cursor where the body sits, from a {@link BodyRecord}
   * @param expected the body read there; if the stored token differs, nothing is replaced
   * @param replacement the new body, with its key fingerprint
   */
  record BodyRewrite(String cursor, EncryptedBody expected, EncryptedBody replacement) {}
}
