package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.testkit.inmemory.InMemoryClusterBus;
import io.chatterlink.testkit.inmemory.RecordingDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two cores on one set of stores, each with its own connections (a recording delivery), talking
 * over the in-process bus: two nodes of a cluster. What a user does on one node reaches the
 * connections of the other, in seq order, from the shared log.
 */
class ClusterNodesTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(50);
  private static final Duration LEASE = Duration.ofMillis(400);

  private final InMemoryAdapters stores = InMemoryAdapters.create();
  private final InMemoryClusterBus busA = new InMemoryClusterBus(new NodeId("a"));
  private final InMemoryClusterBus busB = busA.joining(new NodeId("b"));
  private final RecordingDelivery onA = new RecordingDelivery();
  private final RecordingDelivery onB = new RecordingDelivery();
  private final ChatCore a = node(busA, onA);
  private final ChatCore b = node(busB, onB);
  private final AtomicInteger clientIds = new AtomicInteger();

  private ChatCore node(InMemoryClusterBus bus, RecordingDelivery delivery) {
    return stores
        .coreBuilderWithTestOnlyCrypto()
        .delivery(delivery)
        .cluster(bus)
        .clusterTimings(HEARTBEAT, LEASE)
        .build();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    busA.close();
    busB.close();
  }

  @Test
  void aMessageSentOnOneNodeReachesTheMembersOnTheOther() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");
    b.rooms().joinRoom(bob, room);

    MessageView sent = post(a, alice, room, "hello from a");

    await(() -> !events(onB, MessagePosted.class).isEmpty());
    RecordingDelivery.Delivered posted = deliveredOf(onB, MessagePosted.class).get(0);
    assertThat(((MessagePosted) posted.event()).message()).isEqualTo(sent);
    assertThat(posted.recipients()).contains(alice, bob);
  }

  @Test
  void sendsOnBothNodesIntoOneRoomReachEachNodeInSeqOrderWithoutGapsOrRepeats() throws Exception {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "hot");
    a.rooms().joinRoom(bob, room);
    int perSender = 150;
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (ChatCore node : List.of(a, b, a, b)) {
      UserId sender = node == a ? alice : bob;
      done.add(senders.submit(() -> repeat(perSender, i -> post(node, sender, room, "m" + i))));
    }
    for (Future<?> f : done) {
      f.get();
    }
    senders.shutdown();
    long last = stores.messages().lastSeq(room);
    assertThat(last).isEqualTo(4L * perSender);

    for (RecordingDelivery node : List.of(onA, onB)) {
      await(() -> seqsOf(node, room).contains(last));
      List<Long> seqs = seqsOf(node, room);
      long first = seqs.get(0);
      // From the first entry a node handed out, each seq once and in order. An entry older than
      // that (committed elsewhere before this node's line for the room started) goes out at once
      // or not at all: each connection's cursor in the transport orders or fills it.
      assertThat(seqs.stream().filter(s -> s >= first).toList())
          .as("seqs on a node from its first")
          .isEqualTo(range(first, last));
      assertThat(seqs.stream().filter(s -> s < first).toList()).doesNotHaveDuplicates();
    }
  }

  @Test
  void aRemovalOnOneNodeIsTheLastEventOfTheRoomForTheRemovedMembersConnectionsOnTheOther() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");
    b.rooms().joinRoom(bob, room);
    post(b, bob, room, "warms node b's member cache");
    await(() -> !events(onA, MessagePosted.class).isEmpty());

    a.rooms().removeMember(alice, room, bob);
    await(() -> !events(onB, MemberRemoved.class).isEmpty());
    assertThat(deliveredOf(onB, MemberRemoved.class).get(0).recipients()).contains(bob);
    onB.clear();
    post(b, alice, room, "after the removal, sent on b");
    post(a, alice, room, "after the removal, sent on a");

    await(() -> events(onB, MessagePosted.class).size() == 2);
    assertThat(deliveredOf(onB, MessagePosted.class))
        .allSatisfy(d -> assertThat(d.recipients()).doesNotContain(bob));
  }

  @Test
  void underAThousandRacesOfSendsAgainstARemovalNoMessageReachesTheRemovedMemberAfterTheRemoval()
      throws Exception {
    UserId alice = register("alice");
    UserId bob = register("bob");
    ExecutorService racers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 1000; round++) {
        RoomId room = publicRoom(alice, "race-" + round);
        b.rooms().joinRoom(bob, room); // bob's connections are on node b
        Future<?> sends = racers.submit(() -> repeat(3, i -> post(a, alice, room, "racing " + i)));
        Future<?> removal = racers.submit(() -> a.rooms().removeMember(alice, room, bob));
        sends.get();
        removal.get();
        post(a, alice, room, "after the race");
        await(() -> seqsOf(onB, room).size() == 4);
      }
    } finally {
      racers.shutdown();
    }

    // What bob's connections on node b were handed, room by room, in the order handed.
    java.util.Map<RoomId, Boolean> removedIn = new java.util.HashMap<>();
    for (RecordingDelivery.Delivered d : onB.delivered()) {
      if (!d.recipients().contains(bob)) {
        continue;
      }
      if (d.event() instanceof MemberRemoved removed) {
        removedIn.put(removed.roomId(), true);
      } else if (d.event() instanceof MessagePosted posted) {
        assertThat(removedIn.getOrDefault(posted.message().roomId(), false))
            .as("a message of %s after bob's removal", posted.message().roomId())
            .isFalse();
      }
    }
    assertThat(removedIn).hasSize(1000);
  }

  @Test
  void roomEventsOnOneNodeReachTheConnectionsOnTheOther() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");

    b.rooms().joinRoom(bob, room);
    await(() -> !events(onA, MemberJoined.class).isEmpty());
    assertThat(events(onA, MemberJoined.class).get(0).member().user().id()).isEqualTo(bob);

    a.rooms().rename(alice, room, "renamed");
    await(() -> !events(onB, RoomChanged.class).isEmpty());
    assertThat(events(onB, RoomChanged.class).get(0).name()).isEqualTo("renamed");

    long seq = post(b, bob, room, "read me").seq();
    a.reading().markRead(bob, room, seq); // bob read it in a tab on node a
    await(() -> !events(onB, ReadMarkerMoved.class).isEmpty());
    assertThat(deliveredOf(onB, ReadMarkerMoved.class).get(0).recipients()).containsExactly(bob);

    b.presence().typing(bob, room, true);
    await(() -> !events(onA, TypingChanged.class).isEmpty());
    assertThat(deliveredOf(onA, TypingChanged.class).get(0).recipients())
        .contains(alice)
        .doesNotContain(bob);
  }

  @Test
  void aNewPublicRoomIsShownToUsersConnectedToTheOtherNodeButNotToItsCreator() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    b.presence().connected(bob, "bob-tab");
    b.presence().connected(alice, "alice-tab-on-b");

    publicRoom(alice, "fresh");

    await(() -> !events(onB, PublicRoomCreated.class).isEmpty());
    assertThat(deliveredOf(onB, PublicRoomCreated.class).get(0).recipients()).containsExactly(bob);
  }

  @Test
  void aUserIsOnlineIfConnectedToAnyNodeAndOfflineOnceTheirLastConnectionAnywhereCloses() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");
    b.rooms().joinRoom(bob, room);

    a.presence().connected(bob, "tab-on-a");
    await(() -> statusOn(b, alice, room, bob) == PresenceStatus.ONLINE);
    b.presence().connected(bob, "tab-on-b");
    b.presence().disconnected(bob, "tab-on-b");
    sleep(HEARTBEAT.multipliedBy(3));
    assertThat(statusOn(b, alice, room, bob)).isEqualTo(PresenceStatus.ONLINE);

    a.presence().disconnected(bob, "tab-on-a");
    await(() -> statusOn(b, alice, room, bob) == PresenceStatus.OFFLINE);
    List<PresenceStatus> announcedOnB =
        events(onB, PresenceChanged.class).stream()
            .map(PresenceChanged::presence)
            .filter(p -> p.userId().equals(bob))
            .map(PresenceView::status)
            .toList();
    assertThat(announcedOnB).containsExactly(PresenceStatus.ONLINE, PresenceStatus.OFFLINE);
  }

  @Test
  void theUsersOfANodeThatDiesGoOfflineOnTheOthersWithinTheLease() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");
    a.rooms().joinRoom(bob, room);
    b.presence().connected(bob, "tab");
    await(() -> statusOn(a, alice, room, bob) == PresenceStatus.ONLINE);

    b.close(); // died: no disconnect, no goodbye
    busB.close();

    await(() -> statusOn(a, alice, room, bob) == PresenceStatus.OFFLINE);
    assertThat(a.clusterStatus().orElseThrow().liveNodes()).isEqualTo(1);
  }

  @Test
  void anEntryCommittedByANodeThatDiedBeforeAnnouncingItReachesTheOthersFromTheLog() {
    UserId alice = register("alice");
    UserId bob = register("bob");
    RoomId room = publicRoom(alice, "general");
    b.rooms().joinRoom(bob, room);
    post(a, alice, room, "makes the room active on b");
    await(() -> events(onB, MessagePosted.class).size() == 1);

    // What a node that died right after its commit leaves behind: an entry nobody announced.
    stores
        .messages()
        .append(
            new NewMessage(
                new MessageId("unannounced"),
                room,
                alice,
                new ClientMessageId("lost-pointer"),
                InMemoryAdapters.testOnlyCipher().encrypt("still arrives"),
                List.of(),
                Optional.empty(),
                Instant.now()));

    await(() -> events(onB, MessagePosted.class).size() == 2);
    assertThat(events(onB, MessagePosted.class).get(1).message().text()).isEqualTo("still arrives");
  }

  @Test
  void aLogoutOnOneNodeMakesTheOtherRecheckItsConnectionsSessions() {
    register("alice");
    var login = a.accounts().logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    a.accounts().logOut(login.token());

    assertThat(onA.closedSessions()).contains(login.sessionId());
    await(() -> onB.sessionRechecks() > 0);
  }

  @Test
  void theStatusNamesTheNodeAndMeasuresTheBusLagWithItsOwnHeartbeat() {
    await(() -> a.clusterStatus().orElseThrow().busLagMillis().isPresent());
    ClusterStatus status = a.clusterStatus().orElseThrow();
    assertThat(status.node()).isEqualTo(new NodeId("a"));
    assertThat(status.busConnected()).isTrue();
    await(() -> a.clusterStatus().orElseThrow().liveNodes() == 2);
  }

  // --- helpers -------------------------------------------------------------------------------

  private UserId register(String name) {
    return a.accounts()
        .register(new RegisterUser(name, CoreFixture.passwordOf(name), Optional.empty()))
        .id();
  }

  private RoomId publicRoom(UserId owner, String name) {
    return a.rooms().createRoom(new CreateRoom(owner, name, RoomKind.PUBLIC)).id();
  }

  private MessageView post(ChatCore node, UserId sender, RoomId room, String text) {
    return node.messages()
        .send(
            new SendMessage(
                sender,
                room,
                new ClientMessageId("c" + clientIds.incrementAndGet()),
                text,
                List.of(),
                Optional.empty()))
        .message();
  }

  private static PresenceStatus statusOn(ChatCore node, UserId viewer, RoomId room, UserId user) {
    return node.presence().presenceIn(viewer, room).stream()
        .filter(p -> p.userId().equals(user))
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static <E extends ChatEvent> List<E> events(RecordingDelivery d, Class<E> type) {
    return d.delivered().stream()
        .map(RecordingDelivery.Delivered::event)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static List<RecordingDelivery.Delivered> deliveredOf(
      RecordingDelivery d, Class<? extends ChatEvent> type) {
    return d.delivered().stream().filter(x -> type.isInstance(x.event())).toList();
  }

  private static List<Long> seqsOf(RecordingDelivery d, RoomId room) {
    return d.delivered().stream()
        .map(RecordingDelivery.Delivered::event)
        .filter(SequencedEvent.class::isInstance)
        .map(SequencedEvent.class::cast)
        .filter(e -> e.roomId().equals(room))
        .map(SequencedEvent::seq)
        .toList();
  }

  private static List<Long> range(long first, long last) {
    List<Long> seqs = new ArrayList<>();
    for (long s = first; s <= last; s++) {
      seqs.add(s);
    }
    return seqs;
  }

  private static void repeat(int times, java.util.function.IntConsumer action) {
    for (int i = 0; i < times; i++) {
      action.accept(i);
    }
  }

  /** Waits for a condition that the nodes reach asynchronously; fails after 10 s. */
  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the nodes did not get there within 10 s");
      }
      sleep(Duration.ofMillis(5));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
