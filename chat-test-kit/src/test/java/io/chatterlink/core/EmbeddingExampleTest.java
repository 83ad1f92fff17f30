package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
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

/** The README's embedding example, compiled and run so that it cannot rot. */
class EmbeddingExampleTest {
  @Test
  void twoUsersChatInARoomOfAnEmbeddedCore() {
    // README-BEGIN
    InMemoryAdapters adapters = InMemoryAdapters.create();
    ChatCore core = adapters.coreBuilderWithTestOnlyCrypto().build();

    UserView alice =
        core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
    UserView bob = core.accounts().register(new RegisterUser("bob", "secret-2", Optional.empty()));

    CreateRoom general = new CreateRoom(alice.id(), "general", RoomKind.PUBLIC);
    RoomId room = core.rooms().createRoom(general).id();
    core.rooms().joinRoom(bob.id(), room);

    Optional<MessageId> noReply = Optional.empty();
    core.messages()
        .send(
            new SendMessage(
                alice.id(), room, new ClientMessageId("a-1"), "Hi Bob!", List.of(), noReply));
    core.messages()
        .send(
            new SendMessage(
                bob.id(), room, new ClientMessageId("b-1"), "Hi Alice!", List.of(), noReply));

    // History, as Bob reads it: decrypted, oldest first.
    List<MessageView> history =
        core.history().page(bob.id(), room, PageRequest.latest(50)).messages();
    assertThat(history).extracting(MessageView::text).containsExactly("Hi Bob!", "Hi Alice!");

    // What each of them was pushed: Bob's arrival, then both messages.
    assertThat(adapters.delivery().eventsFor(alice.id()))
        .hasExactlyElementsOfTypes(MemberJoined.class, MessagePosted.class, MessagePosted.class);
    assertThat(adapters.delivery().eventsFor(bob.id()))
        .filteredOn(MessagePosted.class::isInstance)
        .extracting(event -> ((MessagePosted) event).message().text())
        .containsExactly("Hi Bob!", "Hi Alice!");
    // README-END
  }
}
