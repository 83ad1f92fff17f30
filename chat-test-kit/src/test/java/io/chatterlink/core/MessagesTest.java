package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.EditMessage;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.in.SendMessages.SendResult;
import io.chatterlink.core.port.in.ShareAttachments.RegisterAttachment;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final CoreFixture f = new CoreFixture();
  private final SendMessages messages = f.core.messages();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId mallory = f.register("mallory");
  private final RoomId general = f.publicRoom(alice, "general");

  MessagesTest() {
    f.core.rooms().joinRoom(bob, general);
    f.delivery().clear();
  }

  @Test
  void aSentMessageIsStoredEncryptedAndDeliveredToEveryMember() {
    SendResult result = messages.send(f.send(alice, general, "hello, bob"));

    MessageView sent = result.message();
    assertThat(result.duplicate()).isFalse();
    assertThat(sent.seq()).isEqualTo(1);
    assertThat(sent.text()).isEqualTo("hello, bob");
    assertThat(sent.sentAt()).isEqualTo(CoreFixture.START);
    StoredMessage stored = f.adapters.messages().find(sent.id()).orElseThrow();
    assertThat(stored.body().orElseThrow().token()).doesNotContain("hello, bob");
    assertThat(f.delivery().delivered())
        .containsExactly(new Delivered(new MessagePosted(sent), Set.of(alice, bob)));
  }

  @Test
  void aForgedActorCannotPostToARoomTheyAreNotIn() {
    RoomId secret = f.privateRoom(alice, "secret");

    assertThatThrownBy(() -> messages.send(f.send(mallory, general, "hi")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> messages.send(f.send(mallory, secret, "hi")))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.adapters.messages().lastSeq(general)).isZero();
    assertThat(f.delivery().delivered()).isEmpty();
  }

  @Test
  void sendingToARoomYouLeftIsRejected() {
    f.core.rooms().leaveRoom(bob, general);

    assertThatThrownBy(() -> messages.send(f.send(bob, general, "still here?")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void textMustBeNonBlankAndWithinTheDocumentedLength() {
    String longest = "x".repeat(Limits.MAX_MESSAGE_LENGTH);

    assertThat(messages.send(f.send(alice, general, longest)).message().text())
        .hasSize(Limits.MAX_MESSAGE_LENGTH);
    assertThatThrownBy(() -> messages.send(f.send(alice, general, longest + "x")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> messages.send(f.send(alice, general, "  \n ")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void textIsStoredExactlyAsSentWhitespaceIncluded() {
    String code = "    indented();\n\tand tabbed\n  ";

    MessageView sent = messages.send(f.send(alice, general, code)).message();

    assertThat(sent.text()).isEqualTo(code);
    assertThat(f.core.history().page(bob, general, PageRequest.latest(1)).messages())
        .extracting(MessageView::text)
        .containsExactly(code);
  }

  @Test
  void textThatIsNotValidUnicodeIsRefusedNotMangled() {
    for (String broken : List.of("lone \ud800 high", "lone \udc00 low", "ends high \ud83d")) {
      assertThatThrownBy(() -> messages.send(f.send(alice, general, broken)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("lone surrogate");
    }
    assertThat(
            messages.send(f.send(alice, general, "a pair \ud83d\ude00 is fine")).message().text())
        .isEqualTo("a pair \ud83d\ude00 is fine");
  }

  @Test
  void aResendWithTheSameClientIdReturnsTheOriginalAndDeliversNothingNew() {
    SendMessage command = f.send(alice, general, "only once");
    SendResult first = messages.send(command);

    SendResult again = messages.send(command);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.message()).isEqualTo(first.message());
    assertThat(f.eventsFor(bob, MessagePosted.class)).hasSize(1);
    assertThat(f.adapters.messages().lastSeq(general)).isEqualTo(1);
  }

  @Test
  void concurrentResendsStoreAndDeliverTheMessageOnce() throws Exception {
    SendMessage command = f.send(alice, general, "sent from a flaky connection");
    int attempts = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<SendResult>> results = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return messages.send(command);
                }));
      }
      start.countDown();
      List<SendResult> outcomes = new ArrayList<>();
      for (var r : results) {
        outcomes.add(r.get(10, java.util.concurrent.TimeUnit.SECONDS));
      }

      assertThat(outcomes).filteredOn(r -> !r.duplicate()).hasSize(1);
      assertThat(outcomes)
          .extracting(r -> r.message().id())
          .containsOnly(outcomes.get(0).message().id());
      assertThat(f.eventsFor(bob, MessagePosted.class)).hasSize(1);
      assertThat(f.adapters.messages().lastSeq(general)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameClientIdFromAnotherSenderIsADifferentMessage() {
    SendMessage fromAlice = f.send(alice, general, "mine");
    SendMessage fromBob =
        new SendMessage(
            bob, general, fromAlice.clientMessageId(), "mine too", List.of(), Optional.empty());

    messages.send(fromAlice);
    SendResult bobs = messages.send(fromBob);

    assertThat(bobs.duplicate()).isFalse();
    assertThat(bobs.message().seq()).isEqualTo(2);
  }

  @Test
  void attachmentsMustHaveBeenRegisteredInThisRoom() {
    AttachmentId here = upload(bob, general);
    RoomId elsewhere = f.publicRoom(alice, "elsewhere");
    AttachmentId there = upload(alice, elsewhere);

    MessageView sent = messages.send(withAttachments(List.of(here))).message();

    assertThat(sent.attachments()).containsExactly(here);
    assertThatThrownBy(() -> messages.send(withAttachments(List.of(there))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> messages.send(withAttachments(List.of(new AttachmentId("never-uploaded")))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> messages.send(withAttachments(List.of(here, here))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPictureMayBePostedWithoutTextButAMessageWithoutEitherIsRefused() {
    AttachmentId picture = upload(alice, general);

    MessageView sent =
        messages
            .send(
                new SendMessage(
                    alice, general, f.nextClientId(), " ", List.of(picture), Optional.empty()))
            .message();

    assertThat(sent.text()).isEmpty();
    assertThat(sent.attachments()).containsExactly(picture);
    assertThatThrownBy(
            () ->
                messages.send(
                    new SendMessage(
                        alice, general, f.nextClientId(), " ", List.of(), Optional.empty())))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMessageCarriesAtMostTheDocumentedNumberOfAttachments() {
    List<AttachmentId> ids = new ArrayList<>();
    for (int i = 0; i < Limits.MAX_ATTACHMENTS_PER_MESSAGE; i++) {
      ids.add(upload(alice, general));
    }
    assertThat(messages.send(withAttachments(ids)).message().attachments()).hasSize(ids.size());

    ids.add(upload(alice, general));
    assertThatThrownBy(() -> messages.send(withAttachments(ids)))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void aReplyMustTargetAMessageOfTheSameRoom() {
    MessageView question = f.post(alice, general, "question?");
    RoomId elsewhere = f.publicRoom(alice, "elsewhere");
    MessageView unrelated = f.post(alice, elsewhere, "unrelated");

    MessageView answer = messages.send(reply(question)).message();

    assertThat(answer.replyTo()).contains(question.id());
    assertThatThrownBy(() -> messages.send(reply(unrelated)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theAuthorEditsAndTheEditHasItsOwnSeqDeliveredToMembers() {
    MessageView original = f.post(alice, general, "helo");
    f.clock.advance(java.time.Duration.ofMinutes(1));

    MessageView edited = messages.edit(new EditMessage(alice, original.id(), "hello"));

    assertThat(edited.text()).isEqualTo("hello");
    assertThat(edited.seq()).isEqualTo(original.seq());
    assertThat(edited.editedAt()).contains(CoreFixture.START.plusSeconds(60));
    assertThat(f.eventsFor(bob, MessageEdited.class)).containsExactly(new MessageEdited(2, edited));
  }

  @Test
  void nobodyButTheAuthorMayEditOrDelete() {
    MessageView original = f.post(alice, general, "mine");

    assertThatThrownBy(() -> messages.edit(new EditMessage(bob, original.id(), "yours")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> messages.delete(new DeleteMessage(bob, original.id())))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> messages.edit(new EditMessage(mallory, original.id(), "yours")))
        .as("a non-member learns nothing about the message")
        .isInstanceOf(NotFoundException.class);
    assertThat(f.adapters.messages().lastSeq(general)).isEqualTo(1);
  }

  @Test
  void theAuthorDeletesLeavingATombstoneAndTheDeleteHasItsOwnSeq() {
    MessageView original = f.post(alice, general, "oops");

    messages.delete(new DeleteMessage(alice, original.id()));

    assertThat(f.eventsFor(bob, MessageDeleted.class))
        .containsExactly(new MessageDeleted(general, 2, original.id(), CoreFixture.START));
    assertThat(f.adapters.messages().find(original.id()).orElseThrow().deleted()).isTrue();
    assertThatThrownBy(() -> messages.delete(new DeleteMessage(alice, original.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> messages.edit(new EditMessage(alice, original.id(), "back")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aResendOfADeletedMessageReturnsTheTombstone() {
    SendMessage command = f.send(alice, general, "gone soon");
    MessageView original = messages.send(command).message();
    messages.delete(new DeleteMessage(alice, original.id()));

    SendResult again = messages.send(command);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.message().deleted()).isTrue();
    assertThat(again.message().text()).isEmpty();
  }

  private AttachmentId upload(UserId uploader, RoomId room) {
    return f.core
        .attachments()
        .register(
            new RegisterAttachment(
                uploader,
                room,
                "image/png",
                10,
                "cat.png",
                "key-" + f.nextClientId(),
                Optional.empty()))
        .id();
  }

  private SendMessage withAttachments(List<AttachmentId> ids) {
    return new SendMessage(alice, general, f.nextClientId(), "see attached", ids, Optional.empty());
  }

  private SendMessage reply(MessageView target) {
    return new SendMessage(
        bob, general, f.nextClientId(), "answer", List.of(), Optional.of(target.id()));
  }
}
