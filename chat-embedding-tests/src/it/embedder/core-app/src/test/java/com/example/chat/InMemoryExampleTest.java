package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core on in-memory adapters: for tests and trying things out, nothing to set up. */
class InMemoryExampleTest {
  @Test
  void twoPeopleTalkInARoom() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    // Test-only crypto: a cipher without secrecy, a cheap hash. Never for real data.
    ChatCore core = adapters.coreBuilderWithTestOnlyCrypto().build();

    UserView alice =
        core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
    UserView bob = core.accounts().register(new RegisterUser("bob", "secret-2", Optional.empty()));
    RoomId room =
        core.rooms().createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC)).id();
    core.rooms().joinRoom(bob.id(), room);
    core.messages()
        .send(
            new SendMessage(
                alice.id(),
                room,
                new ClientMessageId("a-1"),
                "Hi Bob!",
                List.of(),
                Optional.empty()));

    List<MessageView> history =
        core.history().page(bob.id(), room, PageRequest.latest(50)).messages();
    assertThat(history).extracting(MessageView::text).containsExactly("Hi Bob!");
    assertThat(adapters.delivery().eventsFor(bob.id()))
        .filteredOn(MessagePosted.class::isInstance)
        .hasSize(1);
  }
}
