package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import org.junit.jupiter.api.Test;

/** Replies of docs/protocol.md section 4 that the first independent clients found wrong. */
class RequestsConformanceTest {

  @Test
  void unsubscribingFromARoomYouAreNotInIsNotFoundButAMemberMayAlwaysUnsubscribe() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient b = chat.connect(bob);
      TestClient a = chat.connect(alice);

      JsonNode stranger = b.request("{\"type\":\"unsubscribe\",\"room\":\"" + room + "\"}");
      JsonNode nowhere = b.request("{\"type\":\"unsubscribe\",\"room\":\"r-none\"}");
      JsonNode neverSubscribed = a.request("{\"type\":\"unsubscribe\",\"room\":\"" + room + "\"}");
      a.request(subscribe(room, 0));
      JsonNode subscribed = a.request("{\"type\":\"unsubscribe\",\"room\":\"" + room + "\"}");

      assertThat(stranger.path("code").asInt()).isEqualTo(404);
      assertThat(stranger.path("error").asText()).isEqualTo("not_found");
      assertThat(nowhere.path("code").asInt()).isEqualTo(404);
      assertThat(neverSubscribed.path("code").asInt()).isEqualTo(200);
      assertThat(subscribed.path("code").asInt()).isEqualTo(200);
    }
  }

  @Test
  void tooManyAttachmentsIsTheCountLimit413() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i <= io.chatterlink.core.model.Limits.MAX_ATTACHMENTS_PER_MESSAGE; i++) {
        ids.append(i == 0 ? "" : ",").append("\"a-").append(i).append('"');
      }

      JsonNode reply =
          a.request(
              "{\"type\":\"send\",\"room\":\""
                  + room
                  + "\",\"clientMessageId\":\"c1\",\"text\":\"x\",\"attachments\":["
                  + ids
                  + "]}");

      assertThat(reply.path("code").asInt()).isEqualTo(413);
      assertThat(reply.path("error").asText()).isEqualTo("limit_exceeded");
    }
  }

  @Test
  void historyWithoutADirectionIsTheLatestPageAsOverHttp() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);
      a.request(MessagingOverWebSocketTest.send(room, "c1", "one"));
      a.request(MessagingOverWebSocketTest.send(room, "c2", "two"));

      JsonNode page = a.request("{\"type\":\"history\",\"room\":\"" + room + "\",\"limit\":1}");

      assertThat(page.path("code").asInt()).isEqualTo(200);
      assertThat(page.path("data").path("messages").get(0).path("text").asText()).isEqualTo("two");
      assertThat(page.path("data").path("hasMore").asBoolean()).isTrue();
    }
  }

  @Test
  void theReadPushReachesEveryConnectionOfTheReaderTheSendingOneIncluded() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);
      TestClient otherTab = chat.connect(alice);
      a.request(MessagingOverWebSocketTest.send(room, "c1", "one"));

      a.request("{\"type\":\"read\",\"room\":\"" + room + "\",\"seq\":9}");

      assertThat(a.await(TestClient.ofType("read")).path("seq").asLong()).isEqualTo(1);
      assertThat(otherTab.await(TestClient.ofType("read")).path("seq").asLong()).isEqualTo(1);
    }
  }
}
