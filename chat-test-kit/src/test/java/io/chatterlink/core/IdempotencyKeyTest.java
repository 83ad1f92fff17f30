package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.in.ShareAttachments.RegisterAttachment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A client message id names one request: resending it is safe, reusing it is refused. */
class IdempotencyKeyTest {
  private final CoreFixture f = new CoreFixture();
  private final SendMessages messages = f.core.messages();
  private final UserId alice = f.register("alice");
  private final RoomId general = f.publicRoom(alice, "general");
  private final RoomId random = f.publicRoom(alice, "random");
  private final ClientMessageId key = new ClientMessageId("c-reused");

  @Test
  void theSameKeySentToASecondRoomIsRefusedAndTheMessageIsNotPassedOffAsTheFirstRoomsAck() {
    messages.send(send(general, "hello general", List.of(), Optional.empty()));

    assertThatThrownBy(
            () -> messages.send(send(random, "hello random", List.of(), Optional.empty())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("c-reused");
    assertThat(f.core.history().page(alice, general, historyAll()).messages()).hasSize(1);
    assertThat(f.core.history().page(alice, random, historyAll()).messages()).isEmpty();
  }

  @Test
  void theSameKeyWithAnotherTextIsRefused() {
    messages.send(send(general, "first", List.of(), Optional.empty()));

    assertThatThrownBy(() -> messages.send(send(general, "second", List.of(), Optional.empty())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theSameKeyWithOtherAttachmentsIsRefused() {
    AttachmentId one = upload();
    AttachmentId two = upload();
    messages.send(send(general, "pictures", List.of(one), Optional.empty()));

    assertThatThrownBy(
            () -> messages.send(send(general, "pictures", List.of(one, two), Optional.empty())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> messages.send(send(general, "pictures", List.of(), Optional.empty())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theSameKeyWithAnotherReplyTargetIsRefused() {
    MessageId question = f.post(alice, general, "question?").id();
    messages.send(send(general, "answer", List.of(), Optional.empty()));

    assertThatThrownBy(
            () -> messages.send(send(general, "answer", List.of(), Optional.of(question))))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theSameRequestResentGetsTheOriginalAckAndIsDeliveredOnce() {
    AttachmentId picture = upload();
    MessageId question = f.post(alice, general, "question?").id();
    SendMessage command = send(general, "  look  ", List.of(picture), Optional.of(question));
    MessageView first = messages.send(command).message();

    SendMessages.SendResult again = messages.send(command);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.message()).isEqualTo(first);
    assertThat(f.eventsFor(alice, MessagePosted.class)).hasSize(2);
  }

  @Test
  void aResendAfterTheOriginalWasEditedOrDeletedStillGetsTheOriginal() {
    SendMessage command = send(general, "typo", List.of(), Optional.empty());
    MessageView first = messages.send(command).message();
    messages.edit(new EditMessage(alice, first.id(), "fixed"));

    assertThat(messages.send(command).message().id()).isEqualTo(first.id());

    messages.delete(new DeleteMessage(alice, first.id()));
    assertThat(messages.send(command).message().deleted()).isTrue();
    assertThatThrownBy(() -> messages.send(send(random, "typo", List.of(), Optional.empty())))
        .as("even a deleted message's key is not reusable in another room")
        .isInstanceOf(ConflictException.class);
  }

  private SendMessage send(
      RoomId room, String text, List<AttachmentId> attachments, Optional<MessageId> replyTo) {
    return new SendMessage(alice, room, key, text, attachments, replyTo);
  }

  private static PageRequest historyAll() {
    return PageRequest.latest(50);
  }

  private AttachmentId upload() {
    return f.core
        .attachments()
        .register(
            new RegisterAttachment(
                alice,
                general,
                "image/png",
                10,
                "cat.png",
                "key-" + f.nextClientId(),
                Optional.empty()))
        .id();
  }
}
