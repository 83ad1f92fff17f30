package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message about to be appended; the store gives it its seq.
 *
 * @param id the server-assigned id
 * @param roomId the room to append to
 * @param sender the posting user
 * @param clientMessageId the sender client's id; a second append with the same (sender, id) pair
 *     returns the first message instead of a new one
 * @param body the body, already encrypted
 * @param attachments uploads the message shows, in order
 * @param replyTo the message this one answers, if any
 * @param sentAt when it was sent (server clock)
 */
public record NewMessage(
    MessageId id,
    RoomId roomId,
    UserId sender,
    ClientMessageId clientMessageId,
    EncryptedBody body,
    List<AttachmentId> attachments,
    Optional<MessageId> replyTo,
    Instant sentAt) {
  /**
   * Checks the message; {@code attachments} is copied.
   *
   * @param id the new message id
   * @param roomId its room
   * @param sender who sends it
   * @param clientMessageId the sender's id for it
   * @param body the encrypted body
   * @param attachments ids of the files it shows
   * @param replyTo the message it answers
   * @param sentAt when it was sent
   * @throws NullPointerException if a component is null
   */
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
