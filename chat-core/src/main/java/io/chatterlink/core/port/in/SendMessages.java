package io.chatterlink.core.port.in;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;
import java.util.Optional;

/** Posting, editing and deleting messages. */
public interface SendMessages {
  /**
   * Encrypts, stores and then delivers a message. Returns once the message is durably stored: that
   * is when an adapter may acknowledge it. Idempotent on (actor, client message id): sending the
   * same request again returns the original message with {@code duplicate} set and stores nothing.
   *
   * @throws io.chatterlink.core.error.NotFoundException if the actor is not in the room
   * @throws io.chatterlink.core.error.InvalidInputException for empty or over-long text, or an
   *     attachment or reply target that is not in this room
   * @throws io.chatterlink.core.error.ConflictException if the client message id was already used
   *     by the actor for a different request (another room, text, attachments or reply target);
   *     nothing is stored
   */
  SendResult send(SendMessage command);

  /** Replaces the text of the actor's own message; the edit gets a seq of its own. */
  MessageView edit(EditMessage command);

  /** Deletes the actor's own message, leaving a tombstone; the delete gets a seq of its own. */
  void delete(DeleteMessage command);

  /** Command to post. */
  record SendMessage(
      UserId actor,
      RoomId room,
      ClientMessageId clientMessageId,
      String text,
      List<AttachmentId> attachments,
      Optional<MessageId> replyTo) {
    public SendMessage {
      attachments = List.copyOf(attachments);
    }
  }

  /** Command to edit. */
  record EditMessage(UserId actor, MessageId message, String text) {}

  /** Command to delete. */
  record DeleteMessage(UserId actor, MessageId message) {}

  /** The stored message; {@code duplicate} when this was a resend of an earlier send. */
  record SendResult(MessageView message, boolean duplicate) {}
}
