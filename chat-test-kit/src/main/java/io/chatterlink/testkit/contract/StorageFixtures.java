package io.chatterlink.testkit.contract;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.out.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for the storage contracts, created through the stores themselves: a SQL adapter has
 * foreign keys, so a message's room and sender must exist before it is appended. Ids are readable
 * and unique within one fixture; times are whole seconds after {@link #T0}, so that every database
 * stores them exactly. Thread-safe.
 */
public final class StorageFixtures {
  /** The instant every fixture time counts from. */
  public static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private final Storage storage;
  private final AtomicLong counter = new AtomicLong();

  /**
   * Fixtures that write through {@code storage}.
   *
   * @param storage the stores under test
   */
  public StorageFixtures(Storage storage) {
    this.storage = storage;
  }

  /**
   * An instant of the fixtures' time line.
   *
   * @param seconds seconds after {@link #T0}
   * @return {@link #T0} plus {@code seconds}
   */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /**
   * A stand-in for a cipher's output; the stores never look inside.
   *
   * @param text the plaintext it stands for
   * @return a body that is {@code "enc:"} followed by {@code text}
   */
  public static EncryptedBody body(String text) {
    return new EncryptedBody("enc:" + text);
  }

  /**
   * A new user id, not yet stored.
   *
   * @return an id no other call of this fixture returns
   */
  public UserId newUserId() {
    return new UserId("user-" + counter.incrementAndGet());
  }

  /**
   * A user, not yet stored.
   *
   * @param username the user's name (and display name)
   * @return a user with a fresh id, created at {@link #T0}
   */
  public User newUser(String username) {
    return new User(
        newUserId(), Username.of(username), username, new PasswordHash("hash-of-" + username), T0);
  }

  /**
   * Stores a user.
   *
   * @param username the user's name (and display name)
   * @return the user as inserted
   */
  public User user(String username) {
    User user = newUser(username);
    storage.users().insert(user);
    return user;
  }

  /**
   * Stores a public room whose first member (if any) is its owner and the rest members.
   *
   * @param name the room's name
   * @param members its members, owner first; none for a room without members
   * @return the room as stored
   */
  public Room publicRoom(String name, User... members) {
    return room(RoomKind.PUBLIC, name, members);
  }

  /**
   * Stores a private room whose first member (if any) is its owner and the rest members.
   *
   * @param name the room's name
   * @param members its members, owner first; none for a room without members
   * @return the room as stored
   */
  public Room privateRoom(String name, User... members) {
    return room(RoomKind.PRIVATE, name, members);
  }

  /**
   * Stores a public room with no members, for tests about messages only.
   *
   * @return the new room's id
   */
  public RoomId room() {
    return publicRoom("room " + counter.incrementAndGet()).id();
  }

  /**
   * A new room id, not yet stored.
   *
   * @return an id no other call of this fixture returns
   */
  public RoomId newRoomId() {
    return new RoomId("room-" + counter.incrementAndGet());
  }

  /**
   * The membership {@code user} would get on joining {@code room} at {@link #T0}.
   *
   * @param room the room
   * @param user the member
   * @param role the member's role
   * @return the membership, with nothing read yet
   */
  public static Membership membership(RoomId room, User user, Role role) {
    return new Membership(room, user.id(), role, T0, 0);
  }

  private Room room(RoomKind kind, String name, User... members) {
    Room room = new Room(newRoomId(), kind, name, Optional.empty(), T0);
    List<Membership> memberships = new ArrayList<>();
    for (User member : members) {
      memberships.add(
          membership(room.id(), member, memberships.isEmpty() ? Role.OWNER : Role.MEMBER));
    }
    return storage.rooms().insert(room, memberships);
  }

  /**
   * A post with fresh message and client ids, not yet appended.
   *
   * @param room the room it goes to
   * @param sender who posts it
   * @param text its plaintext (see {@link #body})
   * @return the message to append, timed a few seconds after {@link #T0}
   */
  public NewMessage newMessage(RoomId room, User sender, String text) {
    long n = counter.incrementAndGet();
    return new NewMessage(
        new MessageId("msg-" + n),
        room,
        sender.id(),
        new ClientMessageId("client-" + n),
        body(text),
        List.of(),
        Optional.empty(),
        at(n));
  }

  /**
   * Appends a new post (see {@link #newMessage}).
   *
   * @param room the room it goes to
   * @param sender who posts it
   * @param text its plaintext
   * @return the message as stored, with its seq
   */
  public StoredMessage post(RoomId room, User sender, String text) {
    AppendOutcome outcome = storage.messages().append(newMessage(room, sender, text));
    return outcome.message();
  }

  /**
   * A fresh message id, for a resend that reuses a client message id.
   *
   * @return an id no other call of this fixture returns
   */
  public MessageId newMessageId() {
    return new MessageId("msg-" + counter.incrementAndGet());
  }

  /**
   * Stores an image attachment, not yet attached to a message.
   *
   * @param room the room it was uploaded to
   * @param uploader who uploaded it
   * @return the attachment as stored
   */
  public Attachment attachment(RoomId room, User uploader) {
    Attachment attachment =
        new Attachment(
            new AttachmentId("att-" + counter.incrementAndGet()),
            room,
            uploader.id(),
            "image/png",
            1234,
            "photo.png",
            "stored-photo",
            Optional.of("stored-thumb"),
            at(1));
    storage.attachments().insert(attachment);
    return attachment;
  }
}
