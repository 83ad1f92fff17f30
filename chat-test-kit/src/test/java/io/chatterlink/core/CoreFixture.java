package io.chatterlink.core;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.MutableClock;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.testkit.inmemory.RecordingDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A core on in-memory adapters with a clock the test moves, and shortcuts for common set-up. */
final class CoreFixture {
  static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final InMemoryAdapters adapters = InMemoryAdapters.create();
  final ChatCore core;
  private final AtomicInteger clientIds = new AtomicInteger();

  CoreFixture() {
    this(UnaryOperator.identity());
  }

  CoreFixture(UnaryOperator<ChatCore.Builder> customize) {
    this.core = customize.apply(adapters.coreBuilderWithTestOnlyCrypto().clock(clock)).build();
  }

  RecordingDelivery delivery() {
    return adapters.delivery();
  }

  static String passwordOf(String username) {
    return "password-of-" + username;
  }

  UserId register(String username) {
    return core.accounts()
        .register(new RegisterUser(username, passwordOf(username), Optional.empty()))
        .id();
  }

  RoomId publicRoom(UserId owner, String name) {
    return core.rooms().createRoom(new CreateRoom(owner, name, RoomKind.PUBLIC)).id();
  }

  RoomId privateRoom(UserId owner, String name) {
    return core.rooms().createRoom(new CreateRoom(owner, name, RoomKind.PRIVATE)).id();
  }

  MessageView post(UserId sender, RoomId room, String text) {
    return core.messages().send(send(sender, room, text)).message();
  }

  /** A send command with a fresh client message id. */
  SendMessage send(UserId sender, RoomId room, String text) {
    return new SendMessage(sender, room, nextClientId(), text, List.of(), Optional.empty());
  }

  ClientMessageId nextClientId() {
    return new ClientMessageId("c" + clientIds.incrementAndGet());
  }

  /** Events of one type delivered to a user, oldest first. */
  <E extends ChatEvent> List<E> eventsFor(UserId user, Class<E> type) {
    return delivery().eventsFor(user).stream().filter(type::isInstance).map(type::cast).toList();
  }
}
