package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.app.ChatServer;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server on an ephemeral port, driven over real HTTP and WebSocket as the browser UI
 * drives it: accounts, rooms, live chat both ways, history, direct conversations, uploads, and
 * every authorization denial on those paths.
 */
class ChatServerEndToEndIT {
  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dataDir;
  private static ChatServer server;

  @BeforeAll
  static void startServer() {
    server = TestServers.start(dataDir, Map.of());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void twoUsersChatBothWaysLiveAndFindTheConversationInHistory() {
    Browserless alice = agent();
    Browserless bob = agent();
    String aliceId = alice.register(unique("alice"), PASSWORD);
    String bobId = bob.register(unique("bob"), PASSWORD);
    String room = createRoom(alice, "general", "public");
    bob.post("/api/rooms/" + room + "/join", object()).requireStatus(200);

    try (SocketClient aliceSocket = SocketClient.connect(alice);
        SocketClient bobSocket = SocketClient.connect(bob)) {
      assertThat(aliceSocket.hello().path("user").path("id").asText()).isEqualTo(aliceId);
      subscribe(aliceSocket, room);
      subscribe(bobSocket, room);

      JsonNode ack = send(aliceSocket, room, "hello bob");
      assertThat(ack.path("code").asInt()).isEqualTo(200);
      JsonNode atBob = bobSocket.message(room, "hello bob");
      assertThat(atBob.path("message").path("text").asText()).isEqualTo("hello bob");
      assertThat(atBob.path("message").path("sender").asText()).isEqualTo(aliceId);

      send(bobSocket, room, "hi alice");
      JsonNode atAlice = aliceSocket.message(room, "hi alice");
      assertThat(atAlice.path("message").path("text").asText()).isEqualTo("hi alice");
      assertThat(atAlice.path("message").path("sender").asText()).isEqualTo(bobId);
      assertThat(atAlice.path("seq").asLong()).isEqualTo(ack.path("data").path("seq").asLong() + 1);
    }

    JsonNode history =
        bob.get("/api/rooms/" + room + "/messages?direction=latest&limit=10")
            .requireStatus(200)
            .json();
    assertThat(texts(history.path("messages"))).containsExactly("hello bob", "hi alice");
  }

  @Test
  void aResentMessageIsStoredOnceAndAcknowledgedAsADuplicate() {
    Browserless alice = agent();
    alice.register(unique("alice"), PASSWORD);
    String room = createRoom(alice, "resends", "private");
    try (SocketClient socket = SocketClient.connect(alice)) {
      ObjectNode frame =
          object().put("room", room).put("clientMessageId", "c-1").put("text", "once");
      JsonNode first = socket.request("send", frame);
      JsonNode second = socket.request("send", frame);

      assertThat(second.path("data").path("duplicate").asBoolean()).isTrue();
      assertThat(second.path("data").path("seq")).isEqualTo(first.path("data").path("seq"));
    }
    assertThat(alice.get("/api/rooms/" + room + "/messages").json().path("messages")).hasSize(1);
  }

  @Test
  void aDirectConversationIsSharedByItsTwoMembersAndHiddenFromEveryoneElse() {
    Browserless alice = agent();
    Browserless bob = agent();
    Browserless carol = agent();
    String aliceName = unique("alice");
    String aliceId = alice.register(aliceName, PASSWORD);
    String bobName = unique("bob");
    bob.register(bobName, PASSWORD);
    carol.register(unique("carol"), PASSWORD);

    JsonNode direct =
        alice
            .post(
                "/api/direct",
                object().set("usernames", Browserless.JSON.createArrayNode().add(bobName)))
            .requireStatus(200)
            .json()
            .path("room");
    String dm = direct.path("id").asText();
    assertThat(direct.path("kind").asText()).isEqualTo("direct");
    JsonNode again =
        bob.post(
                "/api/direct",
                object().set("usernames", Browserless.JSON.createArrayNode().add(aliceName)))
            .requireStatus(200)
            .json()
            .path("room");
    assertThat(again.path("id").asText()).isEqualTo(dm);

    try (SocketClient aliceSocket = SocketClient.connect(alice);
        SocketClient bobSocket = SocketClient.connect(bob);
        SocketClient carolSocket = SocketClient.connect(carol)) {
      subscribe(bobSocket, dm);
      send(aliceSocket, dm, "just between us");
      assertThat(bobSocket.message(dm, "just between us").path("message").path("sender").asText())
          .isEqualTo(aliceId);

      assertThat(
              carolSocket
                  .request("subscribe", object().put("room", dm).put("afterSeq", 0))
                  .path("code")
                  .asInt())
          .isEqualTo(404);
      assertThat(send(carolSocket, dm, "let me in").path("code").asInt()).isEqualTo(404);
      assertThat(
              carolSocket
                  .request("history", object().put("room", dm).put("direction", "latest"))
                  .path("code")
                  .asInt())
          .isEqualTo(404);
    }
    assertThat(carol.get("/api/rooms/" + dm + "/messages").status()).isEqualTo(404);
    assertThat(carol.get("/api/rooms/" + dm).status()).isEqualTo(404);
    assertThat(bob.get("/api/rooms/" + dm + "/messages").requireStatus(200).json().path("messages"))
        .hasSize(1);
  }

  @Test
  void aNonMemberCannotReadAPrivateRoomsHistoryNorLearnThatItExists() {
    Browserless alice = agent();
    Browserless mallory = agent();
    alice.register(unique("alice"), PASSWORD);
    mallory.register(unique("mallory"), PASSWORD);
    String room = createRoom(alice, "secret plans", "private");
    try (SocketClient socket = SocketClient.connect(alice)) {
      send(socket, room, "the plan");
    }

    Browserless.Reply history = mallory.get("/api/rooms/" + room + "/messages");
    Browserless.Reply missing = mallory.get("/api/rooms/no-such-room/messages");
    assertThat(history.status()).isEqualTo(404);
    assertThat(history.json().path("error")).isEqualTo(missing.json().path("error"));
    assertThat(history.response().body()).doesNotContain("the plan").doesNotContain("secret plans");
    assertThat(mallory.post("/api/rooms/" + room + "/join", object()).status()).isEqualTo(404);
    assertThat(mallory.get("/api/rooms/" + room + "/members").status()).isEqualTo(404);
  }

  @Test
  void anUploadedImageDownloadsForMembersOfItsRoomOnly() {
    Browserless alice = agent();
    Browserless bob = agent();
    Browserless carol = agent();
    alice.register(unique("alice"), PASSWORD);
    String bobId = bob.register(unique("bob"), PASSWORD);
    carol.register(unique("carol"), PASSWORD);
    String room = createRoom(alice, "pictures", "private");
    alice.post("/api/rooms/" + room + "/members", object().put("user", bobId)).requireStatus(204);
    byte[] png = TestServers.png(64, 48);

    JsonNode attachment =
        alice
            .upload(room, "sunset.png", "image/png", png)
            .requireStatus(201)
            .json()
            .path("attachment");
    String id = attachment.path("id").asText();
    try (SocketClient socket = SocketClient.connect(alice)) {
      ObjectNode frame =
          object().put("room", room).put("clientMessageId", "c-img").put("text", "look");
      frame.putArray("attachments").add(id);
      assertThat(socket.request("send", frame).path("code").asInt()).isEqualTo(200);
    }

    HttpResponse<byte[]> download = bob.download("/api/attachments/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(png);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(bob.download("/api/attachments/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    JsonNode history = bob.get("/api/rooms/" + room + "/messages").json().path("messages");
    assertThat(history.get(0).path("attachments").get(0).asText()).isEqualTo(id);

    assertThat(carol.download("/api/attachments/" + id).statusCode()).isEqualTo(404);
    assertThat(carol.download("/api/attachments/" + id + "/thumbnail").statusCode()).isEqualTo(404);
    assertThat(carol.get("/api/attachments/" + id + "/info").status()).isEqualTo(404);
    assertThat(carol.upload(room, "intrusion.png", "image/png", png).status()).isEqualTo(404);
    assertThat(agent().download("/api/attachments/" + id).statusCode()).isEqualTo(401);
  }

  @Test
  void anUploadedVideoCanBeSeekedWithRangeRequestsAndAForgedTypeIsRefused() {
    Browserless alice = agent();
    alice.register(unique("alice"), PASSWORD);
    String room = createRoom(alice, "videos", "private");
    byte[] mp4 = TestServers.mp4Header(4096);

    String id =
        alice
            .upload(room, "clip.mp4", "video/mp4", mp4)
            .requireStatus(201)
            .json()
            .path("attachment")
            .path("id")
            .asText();
    HttpResponse<byte[]> part = alice.download("/api/attachments/" + id, "bytes=100-199");

    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + mp4.length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(mp4, 100, 200));
    assertThat(part.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(alice.upload(room, "clip.png", "image/png", mp4).status()).isEqualTo(400);
  }

  @Test
  void aSenderClaimedInTheFrameIsIgnoredInFavourOfTheSession() {
    Browserless alice = agent();
    Browserless bob = agent();
    String aliceId = alice.register(unique("alice"), PASSWORD);
    String bobId = bob.register(unique("bob"), PASSWORD);
    String room = createRoom(alice, "forgery", "public");
    bob.post("/api/rooms/" + room + "/join", object()).requireStatus(200);

    try (SocketClient bobSocket = SocketClient.connect(bob)) {
      ObjectNode forged =
          object()
              .put("room", room)
              .put("clientMessageId", "c-forged")
              .put("text", "I am alice")
              .put("sender", aliceId);
      assertThat(bobSocket.request("send", forged).path("code").asInt()).isEqualTo(200);
    }

    JsonNode stored = alice.get("/api/rooms/" + room + "/messages").json().path("messages").get(0);
    assertThat(stored.path("sender").asText()).isEqualTo(bobId);
  }

  @Test
  void socketsNeedASessionAndTheServersOwnOriginAndWritesNeedTheCsrfToken() {
    Browserless alice = agent();
    alice.register(unique("alice"), PASSWORD);

    assertThatThrownBy(() -> SocketClient.open(agent(), alice.origin()).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .extracting(e -> ((WebSocketHandshakeException) e).getResponse().statusCode())
        .isEqualTo(401);
    assertThatThrownBy(() -> SocketClient.open(alice, "https://evil.example").join())
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .extracting(e -> ((WebSocketHandshakeException) e).getResponse().statusCode())
        .isEqualTo(403);
    assertThat(
            alice
                .postWithoutCsrfToken("/api/rooms", object().put("name", "x").put("kind", "public"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void healthAndMetricsAnswerOnTheSamePort() {
    Browserless anyone = agent();
    Browserless.Reply health = anyone.get("/healthz").requireStatus(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");

    Browserless alice = agent();
    alice.register(unique("alice"), PASSWORD);
    String room = createRoom(alice, "metered", "private");
    try (SocketClient socket = SocketClient.connect(alice)) {
      send(socket, room, "count me");
      // A socket's frames are handled one after the other, and the send is reported just after
      // its ack is queued: once the next reply arrives, the send is in the metrics.
      socket.request("ping", object());
      String metrics =
          anyone
              .get("/metrics", "Authorization", "Bearer " + TestServers.METRICS_TOKEN)
              .requireStatus(200)
              .response()
              .body();
      assertThat(metrics)
          .contains("chatterlink_messages_stored_total")
          .contains("chatterlink_send_to_ack_seconds_bucket")
          .containsPattern("chatterlink_send_to_ack_seconds_count [1-9]")
          .containsPattern(
              "chatterlink_websocket_requests_total\\{code=\"200\",type=\"send\",?\\} [1-9]")
          .contains("chatterlink_websocket_queue_drops_total")
          .contains("chatterlink_websocket_rate_limited_total")
          .containsPattern("chatterlink_chat_connections [1-9]")
          .contains("chatterlink_events_delivered_total{event=\"MessagePosted\"}")
          .contains("chatterlink_event_recipients_count")
          .containsPattern("chatterlink_websocket_connections [1-9]")
          .doesNotContain("chatterlink_message_append");
    }
  }

  private static Browserless agent() {
    return new Browserless(server.uri());
  }

  private static String createRoom(Browserless owner, String name, String kind) {
    return owner.createRoom(name, kind);
  }

  private static void subscribe(SocketClient socket, String room) {
    socket.subscribe(room, 0);
  }

  private static JsonNode send(SocketClient socket, String room, String text) {
    return socket.send(room, text);
  }

  private static List<String> texts(JsonNode messages) {
    List<String> texts = new ArrayList<>();
    messages.forEach(m -> texts.add(m.path("text").asText()));
    return texts;
  }

  private static ObjectNode object() {
    return Browserless.JSON.createObjectNode();
  }

  private static String unique(String name) {
    return name + UUID.randomUUID().toString().substring(0, 8);
  }
}
