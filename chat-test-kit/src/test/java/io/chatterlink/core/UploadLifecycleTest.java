package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.error.RateLimitedException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UploadLimits;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages.DeleteMessage;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.in.ShareAttachments.AdmitUpload;
import io.chatterlink.core.port.in.ShareAttachments.RegisterAttachment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Quota, upload rate, deleting uploads and the sweep of expired ones. */
class UploadLifecycleTest {
  private static final long MB = 1024 * 1024;
  private static final UploadLimits LIMITS =
      new UploadLimits(10 * MB, 3, Duration.ofHours(24), Duration.ofHours(1));

  private final CoreFixture f = new CoreFixture(b -> b.uploadLimits(LIMITS));
  private final ShareAttachments attachments = f.core.attachments();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final RoomId room = f.publicRoom(alice, "pictures");

  UploadLifecycleTest() {
    f.core.rooms().joinRoom(bob, room);
  }

  @Test
  void anUploadThatWouldPassTheQuotaIsRefusedWithTheQuotaAndTheUsageInMegabytes() {
    upload(alice, 4 * MB);
    f.clock.advance(Duration.ofMinutes(1));
    upload(alice, 4 * MB);
    f.clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> attachments.admitUpload(new AdmitUpload(alice, room, 3 * MB)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("8.0 MB")
        .hasMessageContaining("quota of 10.0 MB")
        .hasMessageContaining("3.0 MB");
    assertThatThrownBy(() -> upload(alice, 3 * MB)).isInstanceOf(LimitExceededException.class);
    attachments.admitUpload(new AdmitUpload(alice, room, 2 * MB));
    attachments.admitUpload(new AdmitUpload(bob, room, 10 * MB));
  }

  @Test
  void aUserAtTheQuotaIsRefusedEvenWithoutADeclaredSize() {
    upload(alice, 10 * MB);

    assertThatThrownBy(() -> attachments.admitUpload(new AdmitUpload(alice, room, 0)))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void deletingUploadsAndMessagesGivesTheQuotaBack() {
    Attachment first = upload(alice, 5 * MB);
    Attachment second = upload(alice, 5 * MB);
    MessageView message = sendWith(alice, second);
    f.clock.advance(Duration.ofMinutes(1));

    attachments.delete(alice, first.id());
    f.core.messages().delete(new DeleteMessage(alice, message.id()));

    upload(alice, 10 * MB);
  }

  @Test
  void theUploadRateIsRefusedWithTheTimeUntilTheOldestCountedUploadLeavesTheWindow() {
    upload(alice, 1);
    f.clock.advance(Duration.ofSeconds(20));
    upload(alice, 1);
    upload(alice, 1);
    f.clock.advance(Duration.ofMillis(500));

    Throwable refused = catching(() -> attachments.admitUpload(new AdmitUpload(alice, room, 1)));

    assertThat(refused)
        .isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("at most 3 uploads a minute");
    assertThat(((RateLimitedException) refused).retryAfter()).contains(Duration.ofSeconds(40));
    attachments.admitUpload(new AdmitUpload(bob, room, 1));
    f.clock.advance(Duration.ofSeconds(40));
    attachments.admitUpload(new AdmitUpload(alice, room, 1));
  }

  @Test
  void deletedUploadsStillCountAgainstTheRate() {
    for (int i = 0; i < 3; i++) {
      attachments.delete(alice, upload(alice, 1).id());
    }

    assertThatThrownBy(() -> attachments.admitUpload(new AdmitUpload(alice, room, 1)))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void anAuthorDeletesTheirUploadAndNobodyCanDownloadItAfterwards() {
    Attachment upload = upload(alice, 100);

    attachments.delete(alice, upload.id());

    assertThatThrownBy(() -> attachments.authorizeDownload(bob, upload.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> attachments.delete(alice, upload.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.core.messages().send(sendCommand(alice, upload)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void onlyTheUploaderMayDeleteAnUpload() {
    Attachment upload = upload(alice, 100);

    assertThatThrownBy(() -> attachments.delete(bob, upload.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(attachments.authorizeDownload(bob, upload.id())).isEqualTo(upload);
  }

  @Test
  void anUploadShownInAMessageIsDeletedWithTheMessageNotOnItsOwn() {
    Attachment upload = upload(alice, 100);
    MessageView message = sendWith(alice, upload);

    assertThatThrownBy(() -> attachments.delete(alice, upload.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("delete the message");
    f.core.messages().delete(new DeleteMessage(alice, message.id()));

    assertThatThrownBy(() -> attachments.authorizeDownload(bob, upload.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUploadCanBeAttachedOnlyWithinItsLifetime() {
    Attachment stale = upload(alice, 100);
    f.clock.advance(Duration.ofHours(24));

    assertThatThrownBy(() -> f.core.messages().send(sendCommand(alice, stale)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("within 24 hours");
  }

  @Test
  void theSweepForgetsUnattachedUploadsAfterTheirLifetimeAndDeletedOnesAfterTheGrace() {
    Attachment unattached = upload(alice, 100);
    Attachment kept = upload(alice, 100);
    Attachment withdrawn = upload(alice, 100);
    sendWith(alice, kept);
    attachments.delete(alice, withdrawn.id());

    assertThat(attachments.removeExpired(100)).isEmpty();
    f.clock.advance(Duration.ofHours(1));
    assertThat(attachments.removeExpired(100)).containsExactly(withdrawn);
    f.clock.advance(Duration.ofHours(23));
    assertThat(attachments.removeExpired(100)).isEmpty();
    f.clock.advance(AttachmentService.ATTACH_MARGIN);
    assertThat(attachments.removeExpired(100)).containsExactly(unattached);
    f.clock.advance(Duration.ofDays(365));
    assertThat(attachments.removeExpired(100)).isEmpty();
    assertThat(attachments.authorizeDownload(bob, kept.id())).isEqualTo(kept);
  }

  private Attachment upload(UserId actor, long size) {
    return attachments.register(
        new RegisterAttachment(
            actor, room, "image/png", size, "photo.png", "key", Optional.empty()));
  }

  private MessageView sendWith(UserId actor, Attachment file) {
    return f.core.messages().send(sendCommand(actor, file)).message();
  }

  private SendMessage sendCommand(UserId actor, Attachment file) {
    return new SendMessage(
        actor, room, f.nextClientId(), "look", List.of(file.id()), Optional.empty());
  }

  private static Throwable catching(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
