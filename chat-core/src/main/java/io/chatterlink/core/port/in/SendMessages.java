package io.chatterlink.core.port.in;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Posting, editing and deleting messages. */
public interface SendMessages {
  /**
   * Encrypts, stores and then delivers a message. Returns once the message is durably stored: that
   * is when an adapter may acknowledge it. Idempotent on (actor, client message id): sending the
   * same request again returns the original message with {@code duplicate} set and stores nothing.
   *
   * @param command who posts what where
   * @return the stored message as members see it, and whether it was a resend
   * @throws io.chatterlink.core.error.NotFoundException if the actor is not in the room
   * @throws io.chatterlink.core.error.InvalidInputException for empty or over-long text, or an
   *     attachment or reply target that is not in this room
   * @throws io.chatterlink.core.error.ConflictException if the client message id was already used
   *     by the actor for a different request (another room, text, attachments or reply target);
   *     nothing is stored
   * @throws io.chatterlink.core.error.LimitExceededException for more than {@link
   *     io.chatterlink.core.model.Limits#MAX_ATTACHMENTS_PER_MESSAGE} attachments
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  SendResult send(SendMessage command);

  /**
   * As {@link #send}, for a caller that keeps several sends in flight (a connection that pipelines
   * its requests). The checks and the encryption run on the calling thread and the message is
   * queued for storage before this returns, so sends that one thread starts one after another into
   * one room get seqs, acks and deliveries in that order. The stage completes once the message is
   * durable and handed to delivery, on a thread of the core's (see {@code
   * ChatCore.Builder#afterCommit}), never on the store's writer.
   *
   * @param command who posts what where
   * @return completes with what {@link #send} returns, or exceptionally with what it throws (the
   *     checks' failures included: this method itself does not throw them)
   */
  CompletionStage<SendResult> sendAsync(SendMessage command);

  /**
   * Replaces the text of the actor's own message; the edit gets a seq of its own and is delivered
   * to the room's members.
   *
   * @param command who edits which message, and the new text
   * @return the message with its new text (its seq is still that of the post)
   * @throws io.chatterlink.core.error.NotFoundException if the message does not exist, is deleted,
   *     or is in a room the actor is not a member of
   * @throws io.chatterlink.core.error.ForbiddenException if someone else wrote the message
   * @throws io.chatterlink.core.error.InvalidInputException for empty or over-long text (empty text
   *     is allowed for a message with attachments)
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  MessageView edit(EditMessage command);

  /**
   * Deletes the actor's own message, leaving a tombstone; the delete gets a seq of its own. Its
   * attachments that no other message lists are released and never served again.
   *
   * @param command who deletes which message
   * @throws io.chatterlink.core.error.NotFoundException if the message does not exist, is already
   *     deleted, or is in a room the actor is not a member of
   * @throws io.chatterlink.core.error.ForbiddenException if someone else wrote the message
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void delete(DeleteMessage command);

  /**
   * Command to post.
   *
   * @param actor the posting user
   * @param room the room to post in
   * @param clientMessageId the client's id for this send, the key of idempotent resends
   * @param text the message text, kept exactly as sent; may be blank only with attachments
   * @param attachments uploads to show, made by the actor in this room
   * @param replyTo the message this one answers, which must be in the same room
   */
  record SendMessage(
      UserId actor,
      RoomId room,
      ClientMessageId clientMessageId,
      String text,
      List<AttachmentId> attachments,
      Optional<MessageId> replyTo) {
    /**
     * Creates the command; {@code attachments} is copied.
     *
     * @param actor the posting user
     * @param room the room
     * @param clientMessageId the client's id for this send
     * @param text the text
     * @param attachments uploads to show
     * @param replyTo the message answered, if any
     */
    public SendMessage {
      attachments = List.copyOf(attachments);
    }
  }

  /**
   * Command to edit.
   *
   * @param actor the editing user, who must be the author
   * @param message the message to edit
   * @param text the new text
   */
  record EditMessage(UserId actor, MessageId message, String text) {}

  /**
   * Command to delete.
   *
   * @param actor the deleting user, who must be the author
   * @param message the message to delete
   */
  record DeleteMessage(UserId actor, MessageId message) {}

  /**
   * What a send produced.
   *
   * @param message the stored message as members see it
   * @param duplicate true when this was a resend of an earlier send: nothing new was stored or
   *     delivered
   */
  record SendResult(MessageView message, boolean duplicate) {}
}
