package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.ChatFixture.eventually;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.subscribe;
import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Frame size, bad frames, request rate, slow consumers, idleness and shutdown, on both hostings.
 */
class LimitsOverWebSocketTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aFrameOverTheLimitClosesTheSocketWith1009(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withMaxFrameBytes(1024);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      TestClient client = chat.connect(chat.user("alice"));
      String padding = "x".repeat(1024);

      client.sendRaw("{\"id\":\"big\",\"type\":\"ping\",\"pad\":\"" + padding + "\"}");

      assertThat(client.awaitCloseCode()).isEqualTo(1009);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aFrameJustUnderTheLimitIsServed(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withMaxFrameBytes(1024);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      TestClient client = chat.connect(chat.user("alice"));
      String prefix = "{\"id\":\"ok\",\"type\":\"ping\",\"pad\":\"";
      String frame = prefix + "x".repeat(1024 - prefix.length() - 2) + "\"}";
      assertThat(frame).hasSize(1024);

      client.sendRaw(frame);

      assertThat(client.awaitReply("ok").path("code").asInt()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void malformedFramesGetA400ReplyAndTheConnectionStaysOpen(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      TestClient client = chat.connect(chat.user("alice"));

      client.sendRaw("this is not json");
      client.sendRaw("[1, 2, 3]");
      client.sendRaw("{\"type\":\"ping\"}");
      client.sendRaw("{\"id\":\"u\",\"type\":\"no-such-type\"}");
      client.sendRaw("{\"id\":\"w\",\"type\":\"subscribe\",\"room\":42,\"afterSeq\":\"zero\"}");
      client.sendRaw(
          "{\"id\":\"n\",\"type\":\"history\",\"room\":\"r\",\"direction\":\"before\",\"seq\":-1}");
      client.sendRaw("{\"id\":\"d\",\"a\":" + "[".repeat(50) + "]".repeat(50) + "}");

      List<JsonNode> errors = client.awaitCount(f -> f.path("code").asInt() == 400, 7);
      assertThat(errors)
          .allSatisfy(e -> assertThat(e.path("error").asText()).isEqualTo("invalid_input"));
      assertThat(errors)
          .extracting(e -> e.path("id").asText(null))
          .containsExactly(null, null, null, "u", "w", "n", "d");
      assertThat(client.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void overTheRequestBudgetRepliesAre429AndPersistentAbuseClosesWith1008(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withRequestRate(1, 3, 5);
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      TestClient client = chat.connect(chat.user("alice"));

      for (int i = 0; i < 20 && !client.isClosed(); i++) {
        client.sendRequest("{\"type\":\"ping\"}");
      }

      assertThat(client.awaitCloseCode()).isEqualTo(1008);
      assertThat(client.matching(f -> f.path("code").asInt() == 429))
          .hasSizeGreaterThanOrEqualTo(5)
          .allSatisfy(f -> assertThat(f.path("error").asText()).isEqualTo("rate_limited"));
      assertThat(client.matching(f -> f.path("code").asInt() == 200))
          .hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aClientThatNeverReadsIsDisconnectedWhileTheOthersReceiveEverything(Hosting hosting) {
    TransportSettings settings = TransportSettings.defaults().withOutboundQueueFrames(32);
    RecordingMetrics metrics = new RecordingMetrics();
    try (ChatFixture chat = new ChatFixture(hosting, settings, metrics)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      LoginResult sloth = chat.user("sloth");
      RoomId room = chat.publicRoom(alice, "general").id();
      chat.core.rooms().joinRoom(bob.user().id(), room);
      chat.core.rooms().joinRoom(sloth.user().id(), room);
      TestClient reader = chat.connect(bob);
      reader.request(subscribe(room.value(), 0));
      TestClient stuck = chat.connectNonReading(sloth);
      stuck.sendRequest(subscribe(room.value(), 0));
      eventually(() -> chat.transport.openConnections(sloth.user().id()) == 1);

      // Send until the stuck client's socket buffers and queue overflow; bounded, not timed. The
      // reader keeps pace (each message is awaited) so that its own small queue never overflows.
      String text = "y".repeat(3900);
      int sent = 0;
      while (chat.transport.openConnections(sloth.user().id()) > 0) {
        assertThat(sent).as("messages sent before the stuck client was dropped").isLessThan(20_000);
        sent++;
        chat.core
            .messages()
            .send(
                new SendMessage(
                    alice.user().id(),
                    room,
                    new ClientMessageId("s" + sent),
                    text + sent,
                    List.of(),
                    Optional.empty()));
        reader.awaitCount(ofType("message"), sent);
      }
      for (int i = 0; i < 10; i++) {
        sent++;
        chat.core
            .messages()
            .send(
                new SendMessage(
                    alice.user().id(),
                    room,
                    new ClientMessageId("s" + sent),
                    "after " + sent,
                    List.of(),
                    Optional.empty()));
      }

      List<JsonNode> received = reader.awaitCount(ofType("message"), sent);
      assertThat(received)
          .extracting(f -> f.path("seq").asLong())
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(1, sent)
                  .boxed()
                  .collect(Collectors.toList()));
      assertThat(chat.transport.openConnections(bob.user().id())).isEqualTo(1);
      assertThat(metrics.slowConsumersDropped).as("queue drops reported").hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aSilentConnectionIsClosedAfterTheIdleTimeoutWhileAnAnsweringOneStays(Hosting hosting) {
    TransportSettings settings =
        TransportSettings.defaults().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(400));
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      TestClient answering = chat.connect(alice);
      chat.connectNonReading(bob);
      eventually(() -> chat.transport.openConnections(bob.user().id()) == 1);

      eventually(() -> chat.transport.openConnections(bob.user().id()) == 0);

      assertThat(answering.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(chat.transport.openConnections(alice.user().id())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void gracefulShutdownAcksEveryStoredMessageThenClosesWith1001(Hosting hosting) throws Exception {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      RoomId room = chat.publicRoom(alice, "general").id();
      TestClient client = chat.connect(alice);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ids.add(client.sendRequest(send(room.value(), "g" + i, "message " + i)));
      }
      client.awaitReply(ids.get(0));

      CompletableFuture<Void> shutdown =
          CompletableFuture.runAsync(() -> chat.transport.shutdown(Duration.ofSeconds(10)));

      assertThat(client.awaitCloseCode()).isEqualTo(1001);
      shutdown.join();
      Set<String> acked =
          client.matching(f -> f.path("code").asInt() == 200).stream()
              .map(f -> f.path("data").path("clientMessageId").asText())
              .collect(Collectors.toSet());
      Set<String> stored =
          chat
              .core
              .history()
              .page(alice.user().id(), room, PageRequest.latest(100))
              .messages()
              .stream()
              .map(MessageView::clientMessageId)
              .map(ClientMessageId::value)
              .collect(Collectors.toSet());
      assertThat(acked).isNotEmpty().isEqualTo(stored);
      assertThat(
              client.matching(
                  f -> f.path("code").asInt() != 200 && "reply".equals(f.path("type").asText())))
          .allSatisfy(f -> assertThat(f.path("code").asInt()).isEqualTo(503));
    }
  }
}
