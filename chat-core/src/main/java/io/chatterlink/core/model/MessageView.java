package io.chatterlink.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as clients see it: decrypted.
 *
 * @param id the message's server-assigned id
 * @param roomId the room it was posted in
 * @param seq its position in the room's log, from 1
 * @param sender the user who posted it
 * @param clientMessageId the id the sender's client chose, echoed so that it can match its resend
 * @param text the body; empty string when deleted or unreadable
 * @param unreadable true when the stored body could not be decrypted (tampered row, key no longer
 *     configured); the rest of the history is unaffected
 * @param deleted true for a tombstone
 * @param attachments the uploads the message shows, in the order the sender gave
 * @param replyTo the message this one answers, if any
 * @param sentAt when it was posted (server clock)
 * @param editedAt when its body was last replaced, if ever
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
  /**
   * Creates the view; {@code attachments} is copied.
   *
   * @param id the message id
   * @param roomId its room
   * @param seq its seq
   * @param sender who sent it
   * @param clientMessageId the sender's id for it
   * @param text the decrypted body
   * @param unreadable whether decryption failed
   * @param deleted whether it is a tombstone
   * @param attachments ids of the files it shows
   * @param replyTo the message it answers
   * @param sentAt when it was posted
   * @param editedAt when it was last edited
   * @throws NullPointerException if a reference component is null
   */
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
