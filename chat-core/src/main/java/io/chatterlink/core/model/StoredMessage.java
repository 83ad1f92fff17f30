package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in its current state, as the store holds it.
 *
 * @param id the message's id
 * @param roomId its room
 * @param seq the seq of the message's post; its edits and delete have later seqs of their own
 * @param sender the posting user
 * @param clientMessageId the id the sender's client chose
 * @param body the current body; empty once deleted (a delete erases the body, leaving a tombstone)
 * @param attachments uploads the message shows; emptied by a delete
 * @param replyTo the message this one answers, if any
 * @param sentAt when it was posted
 * @param editedAt when the body was last replaced
 * @param deleted true for a tombstone
 */
public record StoredMessage(
    MessageId id,
    RoomId roomId,
    long seq,
    UserId sender,
    ClientMessageId clientMessageId,
    Optional<EncryptedBody> body,
    List<AttachmentId> attachments,
    Optional<MessageId> replyTo,
    Instant sentAt,
    Optional<Instant> editedAt,
    boolean deleted) {
  /**
   * Checks the message; {@code attachments} is copied.
   *
   * @param id its id
   * @param roomId its room
   * @param seq the seq of its post; at least 1
   * @param sender who posted it
   * @param clientMessageId the client's id for it
   * @param body the current body; present exactly when not deleted
   * @param attachments the uploads it shows
   * @param replyTo the message it answers
   * @param sentAt when it was posted
   * @param editedAt when it was last edited
   * @param deleted whether it is a tombstone
   * @throws IllegalArgumentException if {@code seq} is below 1, or {@code body} is present for a
   *     tombstone or missing otherwise
   * @throws NullPointerException if a reference component is null
   */
  public StoredMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1");
    }
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(clientMessageId, "clientMessageId");
    Objects.requireNonNull(body, "body");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(editedAt, "editedAt");
    if (deleted == body.isPresent()) {
      throw new IllegalArgumentException("a message has a body exactly when it is not deleted");
    }
  }

  /**
   * The message as first appended: seq assigned, never edited.
   *
   * @param message the message being appended
   * @param seq the seq the store assigned to it
   * @return the stored form
   */
  public static StoredMessage posted(NewMessage message, long seq) {
    return new StoredMessage(
        message.id(),
        message.roomId(),
        seq,
        message.sender(),
        message.clientMessageId(),
        Optional.of(message.body()),
        message.attachments(),
        message.replyTo(),
        message.sentAt(),
        Optional.empty(),
        false);
  }

  /**
   * This message with a new body.
   *
   * @param newBody the encrypted replacement body
   * @param at when the edit happened; becomes {@code editedAt}
   * @return a copy with the new body; its seq is still that of the post
   */
  public StoredMessage edited(EncryptedBody newBody, Instant at) {
    return new StoredMessage(
        id,
        roomId,
        seq,
        sender,
        clientMessageId,
        Optional.of(newBody),
        attachments,
        replyTo,
        sentAt,
        Optional.of(at),
        false);
  }

  /**
   * This message as a tombstone: no body, no attachments, marked deleted.
   *
   * @return the tombstone; id, seq, sender and times are kept
   */
  public StoredMessage tombstone() {
    return new StoredMessage(
        id,
        roomId,
        seq,
        sender,
        clientMessageId,
        Optional.empty(),
        List.of(),
        replyTo,
        sentAt,
        editedAt,
        true);
  }
}
