package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A message about to be appended; the store gives it its seq. */
public record NewMessage(
    MessageId id,
    RoomId roomId,
    UserId sender,
    ClientMessageId clientMessageId,
    EncryptedBody body,
    List<AttachmentId> attachments,
    Optional<MessageId> replyTo,
    Instant sentAt) {
  public NewMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(clientMessageId, "clientMessageId");
    Objects.requireNonNull(body, "body");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
