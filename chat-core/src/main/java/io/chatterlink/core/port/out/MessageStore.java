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
   * @throws io.chatterlink.core.error.UnavailableException if the write failed
   */
  AppendOutcome append(NewMessage message);

  Optional<StoredMessage> find(MessageId id);

  /**
   * Replaces a message's body and logs the edit under the room's next seq.
   *
   * @return the EDITED entry
   * @throws io.chatterlink.core.error.NotFoundException if there is no such message, or it is
   *     deleted
   */
  LogEntry edit(MessageId id, EncryptedBody body, Instant at);

  /**
   * Deletes a message, erasing its body everywhere it is stored, and logs the delete under the
   * room's next seq. In the same step it releases the message's attachments that no other message
   * lists (see {@link AttachmentStore}): from then on they are never served.
   *
   * @return the DELETED entry
   * @throws io.chatterlink.core.error.NotFoundException if there is no such message, or it is
   *     already deleted
   */
  LogEntry delete(MessageId id, Instant at);

  /** A page of posts (current state, tombstones included), oldest first. */
  List<StoredMessage> page(RoomId room, PageRequest request);

  /**
   * Log entries with a seq above {@code afterSeq}, oldest first, at most {@code limit}; a store may
   * return fewer when {@code limit} is above {@link
   * io.chatterlink.core.model.Limits#MAX_RESYNC_BATCH}.
   */
  List<LogEntry> entriesAfter(RoomId room, long afterSeq, int limit);

  /** The seq of the room's newest entry; 0 when the room has none. */
  long lastSeq(RoomId room);

  /** Posts not deleted, with a seq above {@code afterSeq}, not sent by {@code reader}. */
  long countUnread(RoomId room, long afterSeq, UserId reader);

  /**
   * Stored bodies in a stable order after {@code cursor} (empty for the start), at most {@code
   * limit}; for re-encryption. Each {@link BodyRecord} names where the body sits.
   */
  List<BodyRecord> bodiesAfter(Optional<String> cursor, int limit);

  /**
   * Like {@link #bodiesAfter}, but only the bodies stored without a key fingerprint (before
   * fingerprints were recorded), in the same order and with the same cursors: for the start's key
   * check, which identifies their keys once.
   */
  List<BodyRecord> unfingerprintedBodiesAfter(Optional<String> cursor, int limit);

  /**
   * The distinct fingerprints of the keys the stored bodies were encrypted under, as recorded with
   * each body ({@link EncryptedBody#key()}); bodies without one are not counted. Answered from an
   * index, so it is cheap enough for every start.
   */
  Set<KeyFingerprint> bodyKeys();

  /**
   * Replaces stored bodies in place, without touching seqs or logging anything: for re-encryption
   * and for recording a body's key fingerprint. A record whose body's token changed since it was
   * read is left alone. The replacement's fingerprint is stored with it.
   *
   * @return how many bodies were replaced
   */
  int replaceBodies(List<BodyRewrite> rewrites);

  /**
   * A stored body and where it sits.
   *
   * @param cursor opaque position; pass the last one back to {@link #bodiesAfter} to go on
   */
  record BodyRecord(String cursor, EncryptedBody body) {}

  /** Replace {@code expected} by {@code replacement} at {@code cursor}. */
  record BodyRewrite(String cursor, EncryptedBody expected, EncryptedBody replacement) {}
}
