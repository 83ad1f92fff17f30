package io.chatterlink.core.contract;

import static io.chatterlink.core.contract.StorageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules every {@link io.chatterlink.core.port.out.AttachmentStore} follows. */
public abstract class AttachmentStoreContract extends StorageContract {
  @Test
  void anInsertedAttachmentIsFoundWithEveryField() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    Attachment photo = attachment("photo-1", room, alice, Optional.of("thumb-key"));
    Attachment file = attachment("file-1", room, alice, Optional.empty());

    storage.attachments().insert(photo);
    storage.attachments().insert(file);

    assertThat(storage.attachments().find(photo.id())).contains(photo);
    assertThat(storage.attachments().find(file.id())).contains(file);
  }

  @Test
  void anUnknownAttachmentIsNotFound() {
    assertThat(storage.attachments().find(new AttachmentId("no-such-file"))).isEmpty();
  }

  @Test
  void aTakenIdIsRejectedAndTheFirstAttachmentKept() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    Attachment first = attachment("file-1", room, alice, Optional.empty());
    storage.attachments().insert(first);
    Attachment second =
        new Attachment(
            first.id(),
            room,
            alice.id(),
            "text/plain",
            3,
            "other.txt",
            "other-key",
            Optional.empty(),
            at(9));

    assertThatThrownBy(() -> storage.attachments().insert(second))
        .isInstanceOf(ConflictException.class);
    assertThat(storage.attachments().find(first.id())).contains(first);
  }

  private static Attachment attachment(
      String id, RoomId room, User uploader, Optional<String> thumbnail) {
    return new Attachment(
        new AttachmentId(id),
        room,
        uploader.id(),
        "image/png",
        48_213,
        "Ünïcödé name 🙂.png",
        "stored-" + id,
        thumbnail,
        at(5));
  }
}
