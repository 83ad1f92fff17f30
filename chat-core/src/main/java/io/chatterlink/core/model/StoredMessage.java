package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in its current state, as the store holds it.
 *
 * @param seq the seq of the message's post; its edits and delete have later seqs of their own
 * @param body the current body; empty once deleted (a delete erases the body, leaving a tombstone)
 * @param editedAt when the body was last replaced
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

  /** The message as first appended: seq assigned, never edited. */
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

  /** This message with a new body. */
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

  /** This message as a tombstone. */
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
