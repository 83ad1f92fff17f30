package io.chatterlink.testkit.contract;

import static io.chatterlink.testkit.contract.StorageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.core.port.out.AttachmentStore.Withdrawal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules every {@link io.chatterlink.core.port.out.AttachmentStore} follows. */
public abstract class AttachmentStoreContract extends StorageContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected AttachmentStoreContract() {}

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

  @Test
  void storedBytesSumTheUploadersAttachmentsThatAreNotReleased() {
    User alice = fixtures.user("alice");
    User bob = fixtures.user("bob");
    RoomId room = fixtures.room();
    insert("a1", room, alice, 100, 1);
    Attachment withdrawn = insert("a2", room, alice, 20, 2);
    insert("b1", room, bob, 5, 3);

    storage.attachments().withdraw(withdrawn.id(), at(10));

    assertThat(storage.attachments().storedBytes(alice.id())).isEqualTo(100);
    assertThat(storage.attachments().storedBytes(bob.id())).isEqualTo(5);
    assertThat(storage.attachments().storedBytes(fixtures.user("carol").id())).isZero();
  }

  @Test
  void uploadTimesAreTheUploadersNewestFirstAfterTheInstantReleasedOnesIncluded() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    insert("a1", room, alice, 1, 1);
    insert("a2", room, alice, 1, 2);
    Attachment third = insert("a3", room, alice, 1, 3);
    insert("a4", room, alice, 1, 4);
    insert("b1", room, fixtures.user("bob"), 1, 5);
    storage.attachments().withdraw(third.id(), at(6));

    assertThat(storage.attachments().uploadTimes(alice.id(), at(1), 10))
        .containsExactly(at(4), at(3), at(2));
    assertThat(storage.attachments().uploadTimes(alice.id(), at(0), 2))
        .containsExactly(at(4), at(3));
    assertThatThrownBy(() -> storage.attachments().uploadTimes(alice.id(), at(0), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWithdrawnUploadIsNoLongerFoundAndASecondWithdrawalFindsNothing() {
    User alice = fixtures.user("alice");
    Attachment upload = insert("a1", fixtures.room(), alice, 10, 1);

    assertThat(storage.attachments().withdraw(upload.id(), at(5))).isEqualTo(Withdrawal.WITHDRAWN);

    assertThat(storage.attachments().find(upload.id())).isEmpty();
    assertThat(storage.attachments().withdraw(upload.id(), at(6))).isEqualTo(Withdrawal.NOT_FOUND);
    assertThat(storage.attachments().withdraw(new AttachmentId("nope"), at(6)))
        .isEqualTo(Withdrawal.NOT_FOUND);
  }

  @Test
  void anUploadInALiveMessageCannotBeWithdrawnNorRemovedNorExpire() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    Attachment upload = insert("a1", room, alice, 10, 1);
    postWith(room, alice, upload);

    assertThat(storage.attachments().withdraw(upload.id(), at(5))).isEqualTo(Withdrawal.IN_MESSAGE);
    assertThat(storage.attachments().expired(at(1000), at(1000), 10)).isEmpty();
    assertThat(storage.attachments().remove(upload.id())).isFalse();
    assertThat(storage.attachments().find(upload.id())).contains(upload);
  }

  @Test
  void deletingTheLastMessageThatListsAnUploadReleasesItAtTheDeletionTime() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    Attachment shared = insert("a1", room, alice, 10, 1);
    Attachment own = insert("a2", room, alice, 20, 1);
    StoredMessage first = postWith(room, alice, shared, own);
    StoredMessage second = postWith(room, alice, shared);

    storage.messages().delete(first.id(), at(100));

    assertThat(storage.attachments().find(own.id())).isEmpty();
    assertThat(storage.attachments().find(shared.id())).contains(shared);
    assertThat(storage.attachments().storedBytes(alice.id())).isEqualTo(10);
    assertThat(storage.attachments().expired(at(99), at(0), 10)).isEmpty();
    assertThat(storage.attachments().expired(at(100), at(0), 10)).containsExactly(own);

    storage.messages().delete(second.id(), at(200));

    assertThat(storage.attachments().find(shared.id())).isEmpty();
    assertThat(storage.attachments().expired(at(200), at(0), 10)).containsExactly(shared, own);
  }

  @Test
  void onlyUnattachedUploadsAsOldAsTheCutoffExpireOldestFirstUpToTheLimit() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    Attachment oldest = insert("a1", room, alice, 1, 1);
    Attachment old = insert("a2", room, alice, 1, 2);
    Attachment attached = insert("a3", room, alice, 1, 2);
    insert("a4", room, alice, 1, 3);
    postWith(room, alice, attached);

    assertThat(storage.attachments().expired(at(0), at(2), 10)).containsExactly(oldest, old);
    assertThat(storage.attachments().expired(at(0), at(2), 1)).containsExactly(oldest);
    assertThatThrownBy(() -> storage.attachments().expired(at(0), at(2), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removingDeletesTheRowOnceAndOnlyOnce() {
    User alice = fixtures.user("alice");
    Attachment upload = insert("a1", fixtures.room(), alice, 10, 1);
    storage.attachments().withdraw(upload.id(), at(2));

    assertThat(storage.attachments().remove(upload.id())).isTrue();

    assertThat(storage.attachments().remove(upload.id())).isFalse();
    assertThat(storage.attachments().expired(at(1000), at(1000), 10)).isEmpty();
    assertThat(storage.attachments().uploadTimes(alice.id(), at(0), 10)).isEmpty();
  }

  @Test
  void serversRemovingTheSameUploadsAtOnceRemoveEachExactlyOnce() {
    User alice = fixtures.user("alice");
    RoomId room = fixtures.room();
    List<Attachment> uploads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      uploads.add(insert("a" + i, room, alice, 1, 1));
    }

    List<Long> removedByEach =
        Concurrently.run(
            4,
            worker -> uploads.stream().filter(a -> storage.attachments().remove(a.id())).count());

    assertThat(removedByEach.stream().mapToLong(Long::longValue).sum()).isEqualTo(uploads.size());
    assertThat(storage.attachments().expired(at(1000), at(1000), 100)).isEmpty();
  }

  private Attachment insert(String id, RoomId room, User uploader, long size, long second) {
    Attachment attachment =
        new Attachment(
            new AttachmentId(id),
            room,
            uploader.id(),
            "image/png",
            size,
            id + ".png",
            "stored-" + id,
            Optional.empty(),
            at(second));
    storage.attachments().insert(attachment);
    return attachment;
  }

  private StoredMessage postWith(RoomId room, User sender, Attachment... files) {
    NewMessage plain = fixtures.newMessage(room, sender, "look");
    NewMessage message =
        new NewMessage(
            plain.id(),
            room,
            sender.id(),
            plain.clientMessageId(),
            plain.body(),
            Arrays.stream(files).map(Attachment::id).toList(),
            Optional.empty(),
            plain.sentAt());
    return storage.messages().append(message).message();
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
