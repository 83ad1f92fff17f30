package io.chatterlink.core;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.Text;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** Posting, editing and deleting messages: encrypt, store, then deliver to the room's members. */
final class MessageService implements SendMessages {
  private static final String NO_SUCH_MESSAGE = "no such message";

  private final RoomAccess access;
  private final MessageStore messages;
  private final AttachmentStore attachments;
  private final MessageCipher cipher;
  private final MessageViews views;
  private final InOrderRoomDelivery delivery;
  private final Consumer<ClusterSignal> announce;
  private final Executor afterCommit;
  private final Duration attachableFor;
  private final Clock clock;
  private final IdGenerator ids;

  /**
   * @param attachableFor how long after its upload a file may be attached to a message (the
   *     unattached lifetime, after which the sweep deletes it)
   * @param delivery this node's connections, a room's entries in seq order
   * @param announce tells the other nodes of a cluster that a room's log moved (a pointer, sent
   *     once the entry is committed); does nothing on a single node
   * @param afterCommit where {@link #sendAsync} continues once the store has the message
   */
  MessageService(
      RoomAccess access,
      MessageStore messages,
      AttachmentStore attachments,
      Duration attachableFor,
      MessageCipher cipher,
      MessageViews views,
      InOrderRoomDelivery delivery,
      Consumer<ClusterSignal> announce,
      Executor afterCommit,
      Clock clock,
      IdGenerator ids) {
    this.access = access;
    this.messages = messages;
    this.attachments = attachments;
    this.attachableFor = attachableFor;
    this.cipher = cipher;
    this.views = views;
    this.delivery = delivery;
    this.announce = announce;
    this.afterCommit = afterCommit;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public SendResult send(SendMessage command) {
    Prepared prepared = prepare(command);
    return afterAppend(prepared, messages.append(prepared.message()));
  }

  @Override
  public CompletionStage<SendResult> sendAsync(SendMessage command) {
    Prepared prepared;
    try {
      prepared = prepare(command);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    // Off the store's writer thread: the hand-off to delivery would otherwise hold every send.
    CompletableFuture<SendResult> result = new CompletableFuture<>();
    messages
        .appendAsync(prepared.message())
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                result.completeExceptionally(unwrapped(failure));
                return;
              }
              if (!outcome.duplicate()) { // in commit order, so the room's line starts right
                delivery.committed(outcome.message().roomId(), outcome.message().seq());
              }
              try {
                afterCommit.execute(() -> finish(result, prepared, outcome));
              } catch (RejectedExecutionException closing) {
                finish(result, prepared, outcome); // stored: deliver it here rather than not at all
              }
            });
    return result;
  }

  private void finish(
      CompletableFuture<SendResult> result, Prepared prepared, AppendOutcome outcome) {
    try {
      result.complete(afterAppend(prepared, outcome));
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** A send that passed its checks, its message encrypted and ready to store. */
  private record Prepared(
      SendMessage command, String text, Set<UserId> recipients, NewMessage message) {}

  private Prepared prepare(SendMessage command) {
    // Recipients are the members at the time of the check; a member removed before it is not one.
    Set<UserId> recipients = access.requireMemberAmong(command.actor(), command.room());
    String text = requireText(command.text(), !command.attachments().isEmpty());
    requireAttachmentsOf(command.room(), command.attachments());
    command.replyTo().ifPresent(target -> requireMessageOf(command.room(), target));
    NewMessage message =
        new NewMessage(
            new MessageId(ids.next()),
            command.room(),
            command.actor(),
            command.clientMessageId(),
            cipher.encrypt(text),
            command.attachments(),
            command.replyTo(),
            clock.instant());
    return new Prepared(command, text, recipients, message);
  }

  private SendResult afterAppend(Prepared prepared, AppendOutcome outcome) {
    SendMessage command = prepared.command();
    String text = prepared.text();
    if (outcome.duplicate()) {
      // A resend: the original was delivered when it was first stored. A different request that
      // reuses the key is refused rather than answered with the original's ack.
      MessageView original = viewOfOriginal(outcome.message());
      // The node that stored it may have died before it announced it: announcing again is cheap.
      announce.accept(new RoomAdvanced(outcome.message().roomId(), outcome.message().seq()));
      if (!isSameRequest(original, command, text)) {
        throw new ConflictException(
            "clientMessageId "
                + command.clientMessageId()
                + " was already used for a different message; use a new id for a new message");
      }
      return new SendResult(original, true);
    }
    StoredMessage stored = outcome.message();
    announce.accept(new RoomAdvanced(stored.roomId(), stored.seq()));
    MessagePosted posted;
    try {
      posted = new MessagePosted(MessageViews.withText(stored, text));
    } catch (RuntimeException | Error e) {
      delivery.skip(stored.roomId(), stored.seq());
      throw e;
    }
    delivery.publish(posted, prepared.recipients());
    return new SendResult(posted.message(), false);
  }

  @Override
  public MessageView edit(EditMessage command) {
    StoredMessage original = authorsMessage(command.actor(), command.message());
    String text = requireText(command.text(), !original.attachments().isEmpty());
    LogEntry entry = messages.edit(original.id(), cipher.encrypt(text), clock.instant());
    announce.accept(new RoomAdvanced(entry.roomId(), entry.seq()));
    MessageEdited edited;
    Set<UserId> recipients;
    try {
      edited = new MessageEdited(entry.seq(), MessageViews.withText(entry.message(), text));
      recipients = access.memberIds(original.roomId());
    } catch (RuntimeException | Error e) {
      delivery.skip(original.roomId(), entry.seq());
      throw e;
    }
    delivery.publish(edited, recipients);
    return edited.message();
  }

  @Override
  public void delete(DeleteMessage command) {
    StoredMessage original = authorsMessage(command.actor(), command.message());
    LogEntry entry = messages.delete(original.id(), clock.instant());
    announce.accept(new RoomAdvanced(entry.roomId(), entry.seq()));
    MessageDeleted deleted;
    Set<UserId> recipients;
    try {
      deleted = new MessageDeleted(original.roomId(), entry.seq(), original.id(), entry.at());
      recipients = access.memberIds(original.roomId());
    } catch (RuntimeException | Error e) {
      delivery.skip(original.roomId(), entry.seq());
      throw e;
    }
    delivery.publish(deleted, recipients);
  }

  /** The actor's own, undeleted message; others' messages in a room they cannot see look absent. */
  private StoredMessage authorsMessage(UserId actor, MessageId id) {
    StoredMessage message =
        messages.find(id).orElseThrow(() -> new NotFoundException(NO_SUCH_MESSAGE));
    try {
      access.requireMember(actor, message.roomId());
    } catch (NotFoundException notMember) {
      throw new NotFoundException(NO_SUCH_MESSAGE);
    }
    if (message.deleted()) {
      throw new NotFoundException(NO_SUCH_MESSAGE);
    }
    if (!message.sender().equals(actor)) {
      throw new ForbiddenException("only the author may change a message");
    }
    return message;
  }

  /**
   * Text is required, except beside an attachment: a picture may be posted on its own. Text is kept
   * exactly as sent (see {@link Text#requireMessage}).
   */
  private static String requireText(String text, boolean hasAttachments) {
    if (hasAttachments && text != null && text.isBlank()) {
      return "";
    }
    return Text.requireMessage(text, Limits.MAX_MESSAGE_LENGTH);
  }

  private void requireAttachmentsOf(RoomId room, List<AttachmentId> ids) {
    if (ids.size() > Limits.MAX_ATTACHMENTS_PER_MESSAGE) {
      throw new LimitExceededException(
          "a message has at most " + Limits.MAX_ATTACHMENTS_PER_MESSAGE + " attachments");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new InvalidInputException("an attachment is listed twice");
    }
    Instant uploadedAfter = clock.instant().minus(attachableFor);
    for (AttachmentId id : ids) {
      // A deleted upload is not found: it cannot come back through a new message.
      Attachment attachment =
          attachments
              .find(id)
              .filter(a -> a.roomId().equals(room))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "attachment " + id + " was not uploaded to this room"));
      if (!attachment.uploadedAt().isAfter(uploadedAfter)) {
        throw new InvalidInputException(
            "attachment "
                + id
                + " is too old to attach: attach a file within "
                + (attachableFor.toMinutes() % 60 == 0
                    ? attachableFor.toHours() + " hours"
                    : attachableFor.toMinutes() + " minutes")
                + " of uploading it");
      }
    }
  }

  private void requireMessageOf(RoomId room, MessageId target) {
    boolean inRoom = messages.find(target).filter(m -> m.roomId().equals(room)).isPresent();
    if (!inRoom) {
      throw new InvalidInputException("the message replied to is not in this room");
    }
  }

  /**
   * Whether a send repeats the request that stored {@code original}: same room and reply target
   * always; same attachments unless the original was deleted since (a tombstone keeps none); same
   * text unless it was edited or deleted since (the first text is no longer kept). An original that
   * can no longer be decrypted matches no text, so its key is refused rather than guessed.
   */
  private static boolean isSameRequest(MessageView original, SendMessage command, String text) {
    if (!original.roomId().equals(command.room())
        || !original.replyTo().equals(command.replyTo())) {
      return false;
    }
    if (original.deleted()) {
      return true;
    }
    if (!original.attachments().equals(command.attachments())) {
      return false;
    }
    return original.editedAt().isPresent()
        || (!original.unreadable() && original.text().equals(text));
  }

  /** The original of a resend, decrypted (it may have been edited or deleted since). */
  private MessageView viewOfOriginal(StoredMessage original) {
    return views.current(original);
  }
}
