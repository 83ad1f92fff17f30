package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.in.ShareAttachments.RegisterAttachment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttachmentsTest {
  private final CoreFixture f = new CoreFixture();
  private final ShareAttachments attachments = f.core.attachments();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId outsider = f.register("outsider");
  private final RoomId secret = f.privateRoom(alice, "secret");

  @Test
  void aMemberRegistersAnUploadAndMembersMayDownloadIt() {
    f.core.rooms().invite(alice, secret, bob);

    Attachment registered = attachments.register(upload(alice, secret));

    assertThat(registered.roomId()).isEqualTo(secret);
    assertThat(registered.uploader()).isEqualTo(alice);
    assertThat(registered.uploadedAt()).isEqualTo(CoreFixture.START);
    assertThat(attachments.authorizeDownload(bob, registered.id())).isEqualTo(registered);
  }

  @Test
  void aNonMemberCannotRegisterNorTellAnAttachmentFromAMissingOne() {
    Attachment registered = attachments.register(upload(alice, secret));

    assertThatThrownBy(() -> attachments.register(upload(outsider, secret)))
        .isInstanceOf(NotFoundException.class);
    Throwable hidden = catching(() -> attachments.authorizeDownload(outsider, registered.id()));
    Throwable missing =
        catching(() -> attachments.authorizeDownload(outsider, new AttachmentId("nope")));
    assertThat(hidden).isInstanceOf(NotFoundException.class).hasMessage(missing.getMessage());
  }

  @Test
  void aMemberWhoLeftLosesAccessToTheRoomsFiles() {
    f.core.rooms().invite(alice, secret, bob);
    Attachment registered = attachments.register(upload(bob, secret));

    f.core.rooms().leaveRoom(bob, secret);

    assertThatThrownBy(() -> attachments.authorizeDownload(bob, registered.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFileNameThatIsNotASingleLineIsRefused() {
    RegisterAttachment bad =
        new RegisterAttachment(alice, secret, "text/plain", 3, "a\nb.txt", "k1", Optional.empty());

    assertThatThrownBy(() -> attachments.register(bad)).isInstanceOf(InvalidInputException.class);
  }

  private static RegisterAttachment upload(UserId actor, RoomId room) {
    return new RegisterAttachment(
        actor,
        room,
        "image/png",
        1234,
        "cat.png",
        "stored-" + actor,
        Optional.of("thumb-" + actor));
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
