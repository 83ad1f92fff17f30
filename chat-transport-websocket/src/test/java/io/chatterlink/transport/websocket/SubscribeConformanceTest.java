package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.subscribe;
import static io.chatterlink.transport.websocket.TestClient.logEntriesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code subscribe} as docs/protocol.md section 4.2 states it. */
class SubscribeConformanceTest {

  @Test
  void subscribingAfterASeqBeyondTheRoomsLastIsRefusedNamingTheLastSeq() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);
      a.request(send(room, "m1", "one"));

      JsonNode refused = a.request(subscribe(room, 7));

      assertThat(refused.path("code").asInt()).isEqualTo(400);
      assertThat(refused.path("error").asText()).isEqualTo("invalid_input");
      assertThat(refused.path("message").asText()).contains("last seq is 1");
      // not subscribed: the next message is not pushed, and a correct subscribe still works
      a.request(send(room, "m2", "two"));
      assertThat(a.request(subscribe(room, 2)).path("data").path("seq").asLong()).isEqualTo(2);
      a.request(send(room, "m3", "three"));
      assertThat(a.awaitCount(logEntriesOf(room), 1))
          .extracting(f -> f.path("seq").asLong())
          .containsExactly(3L);
    }
  }

  @Test
  void aBacklogLongerThanOneResyncBatchIsReplayedWholeBeforeTheReply() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      RoomId room = chat.publicRoom(alice, "general").id();
      int backlog = 2 * io.chatterlink.core.model.Limits.MAX_RESYNC_BATCH + 7;
      for (int i = 1; i <= backlog; i++) {
        chat.core
            .messages()
            .send(
                new SendMessage(
                    alice.user().id(),
                    room,
                    new ClientMessageId("c" + i),
                    "n" + i,
                    List.of(),
                    Optional.empty()));
      }
      TestClient a = chat.connect(alice);

      String id = a.sendRequest(subscribe(room.value(), 0));
      JsonNode reply = a.awaitReply(id);

      List<JsonNode> before =
          a.matching(f -> true).subList(0, a.matching(f -> true).indexOf(reply));
      assertThat(before.stream().filter(logEntriesOf(room.value())).count()).isEqualTo(backlog);
      assertThat(reply.path("data").path("seq").asLong()).isEqualTo(backlog);
    }
  }
}
