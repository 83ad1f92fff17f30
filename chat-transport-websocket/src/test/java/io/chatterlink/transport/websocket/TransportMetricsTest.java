package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.ChatFixture.eventually;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import org.junit.jupiter.api.Test;

/** What the transport reports to its {@link TransportMetrics}, through a real socket. */
class TransportMetricsTest {
  private final RecordingMetrics metrics = new RecordingMetrics();

  private ChatFixture chat(TransportSettings settings) {
    return new ChatFixture(Hosting.UNDERTOW, settings, metrics);
  }

  @Test
  void aSendIsReportedAsASendWithCode200AndItsTimeToTheAck() {
    try (ChatFixture chat = chat(TransportSettings.defaults())) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient client = chat.connect(alice);

      assertThat(client.request(send(room, "c1", "hello")).path("code").asInt()).isEqualTo(200);

      eventually(() -> !metrics.requests.isEmpty());
      assertThat(metrics.requests)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.type()).isEqualTo("send");
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.nanos()).isPositive();
              });
    }
  }

  @Test
  void aRefusedRequestIsReportedWithItsCodeAndAnInventedTypeAsUnknown() {
    try (ChatFixture chat = chat(TransportSettings.defaults())) {
      LoginResult alice = chat.user("alice");
      TestClient client = chat.connect(alice);

      client.request(send("no-such-room", "c1", "hello"));
      client.request("{\"type\":\"made.up.by.the.client\"}");

      eventually(() -> metrics.requests.size() == 2);
      assertThat(metrics.requests)
          .extracting(RecordingMetrics.Request::type, RecordingMetrics.Request::code)
          .containsExactly(tuple("send", 404), tuple("unknown", 400));
    }
  }

  @Test
  void requestsOverTheBudgetAreCountedAsRateLimitedAndNotAsHandled() {
    try (ChatFixture chat = chat(TransportSettings.defaults().withRequestRate(1, 3, 50))) {
      TestClient client = chat.connect(chat.user("alice"));

      for (int i = 0; i < 10; i++) {
        client.sendRequest("{\"type\":\"ping\"}");
      }
      client.awaitCount(f -> f.has("code"), 10);

      long refused = client.matching(f -> f.path("code").asInt() == 429).size();
      assertThat(refused).isPositive();
      eventually(() -> metrics.requests.size() + metrics.rateLimited.get() == 10);
      assertThat(metrics.rateLimited.get()).isEqualTo(refused);
      assertThat(metrics.requests).hasSize(10 - (int) refused);
    }
  }

  @Test
  void everyOpenedConnectionIsReportedClosedOnce() {
    try (ChatFixture chat = chat(TransportSettings.defaults())) {
      LoginResult alice = chat.user("alice");
      TestClient first = chat.connect(alice);
      chat.connect(alice);
      assertThat(metrics.opened).hasValue(2);

      first.close();

      eventually(() -> metrics.closed.get() == 1);
    }
    assertThat(metrics.opened).hasValue(2);
    assertThat(metrics.closed).hasValue(2);
  }
}
