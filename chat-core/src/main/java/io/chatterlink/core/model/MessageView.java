package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as clients see it: decrypted.
 *
 * @param text the body; empty string when deleted or unreadable
 * @param unreadable true when the stored body could not be decrypted (tampered row, key no longer
 *     configured); the rest of the history is unaffected
 * @param deleted true for a tombstone
 */
public record MessageView(
    MessageId id,
    RoomId roomId,
    long seq,
    UserId sender,
    ClientMessageId clientMessageId,
    String text,
    boolean unreadable,
    boolean deleted,
    List<AttachmentId> attachments,
    Optional<MessageId> replyTo,
    Instant sentAt,
    Optional<Instant> editedAt) {
  public MessageView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(clientMessageId, "clientMessageId");
    Objects.requireNonNull(text, "text");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(editedAt, "editedAt");
  }
}
