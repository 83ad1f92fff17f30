package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link Delivery} promises about who receives what: an event reaches every open connection
 * of each recipient the core named (each of a user's connections, once) and no connection of anyone
 * else; the events of one room reach a connection in the order they were delivered; deliveries to
 * users without connections are skipped; {@link Delivery#closeSessions} ends the connections of
 * those sessions and no other, and an ended connection receives nothing more. All of it from
 * several threads at once.
 *
 * <p>An adapter passes it with real connections ({@link Clients}). A room's log entries ({@code
 * message}, {@code edit}, {@code delete}) are compared on connections that follow the room from its
 * start, since an adapter may send them only to connections that asked for the room (the WebSocket
 * transport's {@code subscribe}); other events reach a recipient's connections whatever they
 * follow. Each test ends with a marker event, so that "received nothing" is asserted once
 * everything delivered before the marker has arrived, not after a guessed wait.
 */
public abstract class DeliveryContract {
  private static final Instant SENT_AT = Instant.parse("2026-11-28T17:45:12.345Z");

  /** The delivery under test and its clients, fresh for each test. */
  protected Clients clients;

  /** The delivery under test. */
  protected Delivery delivery;

  /**
   * A new delivery under test with no open connection, and the means to open connections through
   * it.
   *
   * @return the delivery and its clients; closed after each test
   */
  protected abstract Clients newClients();

  /** A delivery under test and the connections a test opens through it. */
  protected interface Clients extends AutoCloseable {
    /**
     * The delivery under test.
     *
     * @return the same instance on every call
     */
    Delivery delivery();

    /**
     * A user that connections may be opened for (registered wherever the adapter needs it).
     *
     * @param name a user name, unique within the test
     * @return the user's id
     */
    UserId user(String name);

    /**
     * A room whose members are the given users, with no log entry yet.
     *
     * @param name a room name, unique within the test
     * @param members who is in it
     * @return the room's id
     */
    RoomId room(String name, List<UserId> members);

    /**
     * Opens a connection of {@code user} under a login session of its own, following {@code rooms}
     * from their start (seq 0), and returns once it is ready to receive.
     *
     * @param user the connected user
     * @param rooms the rooms whose log entries it asks for
     * @return the open connection
     */
    Connection connect(UserId user, Set<RoomId> rooms);

    /** Closes every connection and the delivery's server. */
    @Override
    void close();
  }

  /** One open connection, as a client sees it. */
  protected interface Connection {
    /**
     * The login session it was opened under.
     *
     * @return the session
     */
    SessionId session();

    /**
     * Waits until {@code count} events of the kinds {@link Received} compares have arrived, or
     * until the adapter's patience runs out.
     *
     * @param count how many to wait for
     * @return every such event received so far, in arrival order (fewer than {@code count} if
     *     patience ran out)
     */
    List<Received> awaitReceived(int count);

    /**
     * Waits until the connection has been closed by the server.
     *
     * @return true once closed; false if it stayed open past the adapter's patience
     */
    boolean awaitClosed();
  }

  /**
   * An event as a connection received it, by what identifies it on the wire: its type, its room,
   * and its seq (log entries) or who did what (typing).
   *
   * @param type {@code message}, {@code edit}, {@code delete} or {@code typing}
   * @param room the room's id
   * @param key the entry's seq, or the typing user's id and {@code typing} or {@code stopped}
   */
  public record Received(String type, String room, String key) {
    /**
     * The way a connection receives one of the events this contract delivers.
     *
     * @param event a log entry or a typing change
     * @return what the connection shows of it
     * @throws IllegalArgumentException for another kind of event
     */
    public static Received of(ChatEvent event) {
      if (event instanceof SequencedEvent) {
        SequencedEvent entry = (SequencedEvent) event;
        String type =
            event instanceof MessagePosted
                ? "message"
                : event instanceof MessageEdited ? "edit" : "delete";
        return new Received(type, entry.roomId().value(), String.valueOf(entry.seq()));
      }
      if (event instanceof TypingChanged) {
        TypingChanged typing = (TypingChanged) event;
        return new Received(
            "typing",
            typing.roomId().value(),
            typing.userId().value() + (typing.typing() ? " typing" : " stopped"));
      }
      throw new IllegalArgumentException("not an event this contract delivers: " + event);
    }
  }

  @BeforeEach
  final void openClients() {
    clients = newClients();
    delivery = clients.delivery();
  }

  @AfterEach
  final void closeClients() {
    clients.close();
  }

  @Test
  void aRoomsMessageReachesEveryConnectionOfItsRecipientsAndNoOtherConnection() {
    UserId alice = clients.user("alice");
    UserId bob = clients.user("bob");
    UserId carol = clients.user("carol");
    RoomId general = clients.room("general", List.of(alice, bob, carol));
    Connection aliceAtWork = clients.connect(alice, Set.of(general));
    Connection aliceAtHome = clients.connect(alice, Set.of(general));
    Connection bobs = clients.connect(bob, Set.of(general));
    Connection carols = clients.connect(carol, Set.of(general));
    ChatEvent posted = posted(general, 1);

    delivery.deliver(posted, Set.of(alice, bob));
    delivery.deliver(marker(general), Set.of(alice, bob, carol));

    for (Connection recipient : List.of(aliceAtWork, aliceAtHome, bobs)) {
      assertThat(recipient.awaitReceived(2))
          .containsExactly(Received.of(posted), Received.of(marker(general)));
    }
    assertThat(carols.awaitReceived(1))
        .as("a member the core did not name gets nothing")
        .containsExactly(Received.of(marker(general)));
  }

  @Test
  void anEventOutsideTheRoomsLogReachesEveryConnectionOfItsRecipientsWhateverTheyFollow() {
    UserId alice = clients.user("alice");
    UserId bob = clients.user("bob");
    RoomId general = clients.room("general", List.of(alice, bob));
    Connection following = clients.connect(alice, Set.of(general));
    Connection notFollowing = clients.connect(alice, Set.of());
    Connection bobs = clients.connect(bob, Set.of());
    ChatEvent typing = new TypingChanged(general, bob, true);

    delivery.deliver(typing, Set.of(alice));
    delivery.deliver(marker(general), Set.of(alice, bob));

    assertThat(following.awaitReceived(2))
        .containsExactly(Received.of(typing), Received.of(marker(general)));
    assertThat(notFollowing.awaitReceived(2))
        .containsExactly(Received.of(typing), Received.of(marker(general)));
    assertThat(bobs.awaitReceived(1)).containsExactly(Received.of(marker(general)));
  }

  @Test
  void aRoomsEventsReachEachConnectionInTheOrderTheyWereDelivered() {
    UserId alice = clients.user("alice");
    UserId bob = clients.user("bob");
    RoomId general = clients.room("general", List.of(alice, bob));
    RoomId random = clients.room("random", List.of(alice, bob));
    Connection alices = clients.connect(alice, Set.of(general, random));
    Connection bobs = clients.connect(bob, Set.of(general, random));
    List<ChatEvent> delivered = new ArrayList<>();
    for (int seq = 1; seq <= 30; seq++) {
      delivered.add(logEntry(general, seq));
      delivered.add(logEntry(random, seq));
      if (seq % 5 == 0) {
        delivered.add(new TypingChanged(general, alice, seq % 10 == 0));
      }
    }

    delivered.forEach(event -> delivery.deliver(event, Set.of(alice, bob)));

    List<Received> expected = delivered.stream().map(Received::of).collect(Collectors.toList());
    for (Connection connection : List.of(alices, bobs)) {
      List<Received> received = connection.awaitReceived(expected.size());
      assertThat(inRoom(received, general)).containsExactlyElementsOf(inRoom(expected, general));
      assertThat(inRoom(received, random)).containsExactlyElementsOf(inRoom(expected, random));
    }
  }

  @Test
  void deliveriesToNobodyOrToUsersWithoutConnectionsReachNoConnection() {
    UserId alice = clients.user("alice");
    UserId offline = clients.user("offline");
    RoomId general = clients.room("general", List.of(alice, offline));
    Connection alices = clients.connect(alice, Set.of(general));

    assertThatCode(() -> delivery.deliver(posted(general, 1), Set.of())).doesNotThrowAnyException();
    assertThatCode(
            () ->
                delivery.deliver(
                    new TypingChanged(general, alice, true),
                    Set.of(offline, new UserId("never-registered"))))
        .doesNotThrowAnyException();
    delivery.deliver(marker(general), Set.of(alice));

    assertThat(alices.awaitReceived(1)).containsExactly(Received.of(marker(general)));
  }

  @Test
  void closingASessionEndsItsConnectionsOnlyAndTheyReceiveNothingMore() {
    UserId alice = clients.user("alice");
    UserId bob = clients.user("bob");
    RoomId general = clients.room("general", List.of(alice, bob));
    Connection ended = clients.connect(alice, Set.of(general));
    Connection otherSession = clients.connect(alice, Set.of(general));
    Connection bobs = clients.connect(bob, Set.of(general));

    delivery.closeSessions(Set.of(ended.session()));
    assertThat(ended.awaitClosed()).isTrue();
    ChatEvent after = new TypingChanged(general, bob, true);
    delivery.deliver(after, Set.of(alice, bob));
    delivery.deliver(marker(general), Set.of(alice, bob));

    assertThat(otherSession.awaitReceived(2))
        .containsExactly(Received.of(after), Received.of(marker(general)));
    assertThat(bobs.awaitReceived(2))
        .containsExactly(Received.of(after), Received.of(marker(general)));
    assertThat(ended.awaitReceived(0)).isEmpty();
  }

  @Test
  void closingSessionsWithoutConnectionsSucceedsAndClosesNothing() {
    UserId alice = clients.user("alice");
    RoomId general = clients.room("general", List.of(alice));
    Connection alices = clients.connect(alice, Set.of(general));

    assertThatCode(() -> delivery.closeSessions(Set.of())).doesNotThrowAnyException();
    assertThatCode(
            () ->
                delivery.closeSessions(
                    Set.of(io.chatterlink.core.model.SessionToken.random().id())))
        .doesNotThrowAnyException();
    delivery.deliver(marker(general), Set.of(alice));

    assertThat(alices.awaitReceived(1)).containsExactly(Received.of(marker(general)));
  }

  @Test
  void manyThreadsMayDeliverAtOnceAndEveryEventArrivesOnceInEachThreadsOrder() {
    UserId alice = clients.user("alice");
    UserId bob = clients.user("bob");
    RoomId general = clients.room("general", List.of(alice, bob));
    Connection alices = clients.connect(alice, Set.of());
    Connection bobs = clients.connect(bob, Set.of());
    int threads = 4;
    int perThread = 50;

    Concurrently.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            delivery.deliver(writer(general, t, i), Set.of(alice, bob));
            delivery.deliver(writer(general, t, i), Set.of(new UserId("offline-" + i)));
          }
          return t;
        });

    for (Connection connection : List.of(alices, bobs)) {
      List<Received> received = connection.awaitReceived(threads * perThread);
      assertThat(received).hasSize(threads * perThread).doesNotHaveDuplicates();
      for (int t = 0; t < threads; t++) {
        String prefix = "w" + t + "-";
        List<Received> expected = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          expected.add(Received.of(writer(general, t, i)));
        }
        assertThat(received.stream().filter(r -> r.key().startsWith(prefix)))
            .containsExactlyElementsOf(expected);
      }
    }
  }

  /**
   * A message posted in a room.
   *
   * @param room where it was posted
   * @param seq its seq in the room
   * @return the event of the post
   */
  public static MessagePosted posted(RoomId room, long seq) {
    return new MessagePosted(message(room, seq));
  }

  /**
   * A room's log entry: a post, and every third an edit or a delete of one.
   *
   * @param room the room
   * @param seq the entry's seq
   * @return the entry's event
   */
  public static SequencedEvent logEntry(RoomId room, long seq) {
    if (seq % 3 == 0) {
      return new MessageEdited(seq, message(room, seq - 1));
    }
    if (seq % 7 == 0) {
      return new MessageDeleted(room, seq, new MessageId("m-" + (seq - 1)), SENT_AT);
    }
    return posted(room, seq);
  }

  /**
   * The event each test delivers last: once it arrived, everything delivered before had.
   *
   * @param room the room the marker is about
   * @return a typing event no real user sends
   */
  public static TypingChanged marker(RoomId room) {
    return new TypingChanged(room, new UserId("end-of-test"), false);
  }

  private static TypingChanged writer(RoomId room, int thread, int index) {
    return new TypingChanged(room, new UserId("w" + thread + "-" + index), true);
  }

  private static MessageView message(RoomId room, long seq) {
    return new MessageView(
        new MessageId("m-" + seq),
        room,
        seq,
        new UserId("sender"),
        new ClientMessageId("c-" + seq),
        "text " + seq,
        false,
        false,
        List.of(),
        Optional.empty(),
        SENT_AT,
        Optional.empty());
  }

  private static List<Received> inRoom(List<Received> received, RoomId room) {
    return received.stream()
        .filter(r -> Objects.equals(r.room(), room.value()))
        .collect(Collectors.toList());
  }
}
