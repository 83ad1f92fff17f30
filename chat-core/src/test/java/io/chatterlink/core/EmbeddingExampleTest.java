package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.inmemory.InMemoryAdapters;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run so that it cannot rot. */
class EmbeddingExampleTest {
  @Test
  void twoUsersChatInARoomOfAnEmbeddedCore() {
    // README-BEGIN
    InMemoryAdapters adapters = InMemoryAdapters.create();
    ChatCore core = adapters.coreBuilder().build();

    UserId alice =
        core.accounts()
            .register(new RegisterUser("alice", "alice-password", Optional.empty()))
            .id();
    UserId bob =
        core.accounts().register(new RegisterUser("bob", "bob-password", Optional.empty())).id();

    RoomId room = core.rooms().createRoom(new CreateRoom(alice, "general", RoomKind.PUBLIC)).id();
    core.rooms().joinRoom(bob, room);

    core.messages()
        .send(
            new SendMessage(
                alice, room, new ClientMessageId("a-1"), "Hi Bob!", List.of(), Optional.empty()));
    core.messages()
        .send(
            new SendMessage(
                bob, room, new ClientMessageId("b-1"), "Hi Alice!", List.of(), Optional.empty()));

    List<MessageView> history = core.history().page(bob, room, PageRequest.latest(50)).messages();
    assertThat(history).extracting(MessageView::text).containsExactly("Hi Bob!", "Hi Alice!");

    List<ChatEvent> toAlice = adapters.delivery().eventsFor(alice);
    assertThat(toAlice)
        .hasExactlyElementsOfTypes(MemberJoined.class, MessagePosted.class, MessagePosted.class);
    assertThat(((MessagePosted) toAlice.get(2)).message().text()).isEqualTo("Hi Alice!");
    // README-END
  }
}
