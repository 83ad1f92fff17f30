package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.policy.JsonPolicy;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomApiTest {
  @TempDir Path uploads;
  TestServer server;
  WebClient alice;
  WebClient bob;

  @BeforeEach
  void start() {
    server = TestServer.start(uploads);
    alice = server.signedIn("alice");
    bob = server.signedIn("bob");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCreatedRoomIsListedWithItsOwnerRoleAndUnreadCount() {
    JsonNode room = alice.createRoom("general", "public");
    post(alice, room, 2);

    JsonNode mine = alice.get("/api/rooms").json().get("rooms");
    assertThat(room.get("kind").asText()).isEqualTo("public");
    assertThat(room.get("role").asText()).isEqualTo("owner");
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("lastSeq").asLong()).isEqualTo(2);
    assertThat(mine.get(0).get("directMembers").isArray()).isTrue();
  }

  @Test
  void anotherUserSeesThePublicRoomJoinsItAndGetsUnreadCounts() {
    JsonNode room = alice.createRoom("general", "public");
    post(alice, room, 3);

    JsonNode listed = bob.get("/api/public-rooms").json().get("rooms");
    assertThat(listed).extracting(r -> r.get("name").asText()).containsExactly("general");
    assertThat(listed.get(0).get("role").isNull()).isTrue();

    assertThat(bob.post(path(room, "/join"), Map.of()).status()).isEqualTo(200);
    post(alice, room, 3);
    assertThat(bob.get("/api/rooms").json().at("/rooms/0/unread").asLong()).isEqualTo(3);
    assertThat(bob.post(path(room, "/read"), Map.of("seq", 5)).status()).isEqualTo(204);
    assertThat(bob.get("/api/rooms").json().at("/rooms/0/unread").asLong()).isEqualTo(1);
    assertThat(bob.get(path(room, "/members")).json().get("members"))
        .extracting(m -> m.at("/user/username").asText())
        .containsExactlyInAnyOrder("alice", "bob");
    assertThat(bob.post(path(room, "/leave"), Map.of()).status()).isEqualTo(204);
    assertThat(bob.get("/api/rooms").json().get("rooms")).isEmpty();
  }

  @Test
  void aPrivateRoomLooksAbsentToOutsidersUntilTheyAreInvited() {
    JsonNode room = alice.createRoom("secret", "private");
    post(alice, room, 1);

    assertThat(bob.get("/api/public-rooms").json().get("rooms")).isEmpty();
    assertThat(bob.get(path(room, "")).status()).isEqualTo(404);
    assertThat(bob.post(path(room, "/join"), Map.of()).status()).isEqualTo(404);
    WebClient.Reply history = bob.get(path(room, "/messages"));
    assertThat(history.status()).isEqualTo(404);
    assertThat(history.error()).isEqualTo("not_found");

    assertThat(alice.post(path(room, "/members"), Map.of("user", bob.userId())).status())
        .isEqualTo(204);
    assertThat(bob.get(path(room, "/messages")).json().get("messages")).hasSize(1);

    assertThat(alice.delete(path(room, "/members/" + bob.userId())).status()).isEqualTo(204);
    assertThat(bob.get(path(room, "/messages")).status()).isEqualTo(404);
  }

  @Test
  void onlyAnOwnerMayRenameOrRemove() {
    JsonNode room = alice.createRoom("general", "public");
    bob.post(path(room, "/join"), Map.of());

    WebClient.Reply byBob = bob.patch(path(room, ""), Map.of("name", "mine now"));
    WebClient.Reply removeByBob = bob.delete(path(room, "/members/" + alice.userId()));
    WebClient.Reply byAlice = alice.patch(path(room, ""), Map.of("name", "renamed"));

    assertThat(byBob.status()).isEqualTo(403);
    assertThat(removeByBob.status()).isEqualTo(403);
    assertThat(byAlice.json().at("/room/name").asText()).isEqualTo("renamed");
  }

  @Test
  void historyPagesGoLatestBeforeAndAfter() {
    JsonNode room = alice.createRoom("general", "public");
    post(alice, room, 5);

    JsonNode latest = alice.get(path(room, "/messages?limit=2")).json();
    JsonNode before = alice.get(path(room, "/messages?direction=before&seq=4&limit=2")).json();
    JsonNode after = alice.get(path(room, "/messages?direction=after&seq=3&limit=10")).json();

    assertThat(latest.get("messages"))
        .extracting(m -> m.get("seq").asLong())
        .containsExactly(4L, 5L);
    assertThat(latest.get("hasMore").asBoolean()).isTrue();
    assertThat(before.get("messages"))
        .extracting(m -> m.get("seq").asLong())
        .containsExactly(2L, 3L);
    assertThat(after.get("messages"))
        .extracting(m -> m.get("seq").asLong())
        .containsExactly(4L, 5L);
    assertThat(after.get("hasMore").asBoolean()).isFalse();
    assertThat(alice.get(path(room, "/messages?limit=101")).status()).isEqualTo(400);
    assertThat(alice.get(path(room, "/messages?direction=sideways")).status()).isEqualTo(400);
  }

  @Test
  void aMessageHasTheProtocolsJsonShape() {
    JsonNode room = alice.createRoom("general", "public");
    post(alice, room, 1);

    JsonNode message = alice.get(path(room, "/messages")).json().at("/messages/0");

    assertThat(message.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "room",
            "seq",
            "sender",
            "clientMessageId",
            "text",
            "unreadable",
            "deleted",
            "attachments",
            "replyTo",
            "sentAt",
            "editedAt");
    assertThat(message.get("text").asText()).isEqualTo("message 1");
    assertThat(message.get("sender").asText()).isEqualTo(alice.userId());
    assertThat(message.get("replyTo").isNull()).isTrue();
    assertThat(message.get("editedAt").isNull()).isTrue();
    // docs/protocol.md section 3: exactly three fractional digits, whatever the clock's precision
    assertThat(message.get("sentAt").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  }

  @Test
  void aDirectConversationOpensByUsernameOnceAndIsPrivateToItsMembers() {
    WebClient carol = server.signedIn("carol");
    WebClient.Reply first = alice.post("/api/direct", Map.of("usernames", List.of("BOB")));
    WebClient.Reply second = bob.post("/api/direct", Map.of("users", List.of(alice.userId())));

    assertThat(first.status()).isEqualTo(200);
    JsonNode room = first.json().get("room");
    assertThat(room.get("kind").asText()).isEqualTo("direct");
    assertThat(second.json().at("/room/id").asText()).isEqualTo(room.get("id").asText());
    assertThat(carol.get(path(room, "/messages")).status()).isEqualTo(404);
    assertThat(alice.post("/api/direct", Map.of("usernames", List.of("nobody"))).status())
        .isEqualTo(404);
  }

  @Test
  void usersAreFoundByPrefixAndById() {
    JsonNode found = alice.get("/api/users?prefix=bo").json().get("users");
    assertThat(found).extracting(u -> u.get("username").asText()).containsExactly("bob");
    assertThat(new String(alice.get("/api/users/" + bob.userId()).bytes())).contains("\"bob\"");
    assertThat(alice.get("/api/users/nobody").status()).isEqualTo(404);
  }

  @Test
  void searchingForPeopleIsThrottledPerUserWithARetryAfter() {
    for (int i = 0; i < UserEndpoints.SEARCHES_PER_WINDOW; i++) {
      assertThat(alice.get("/api/users?prefix=b").status()).isEqualTo(200);
    }
    WebClient.Reply refused = alice.get("/api/users?prefix=b");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("error").asText()).isEqualTo("rate_limited");
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 10L);
    assertThat(bob.get("/api/users?prefix=a").status()).as("bob has his own budget").isEqualTo(200);
  }

  @Test
  void presenceOfARoomIsListedForMembersOnly() {
    JsonNode room = alice.createRoom("secret", "private");
    JsonNode presence = alice.get(path(room, "/presence")).json().get("presence");
    assertThat(presence).extracting(p -> p.get("status").asText()).containsExactly("offline");
    assertThat(bob.get(path(room, "/presence")).status()).isEqualTo(404);
  }

  @Test
  void malformedOrOversizedJsonIsRefusedWithAJsonError() {
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    WebClient.Reply tooDeep =
        alice.post("/api/rooms", new com.fasterxml.jackson.databind.node.TextNode("x"));
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(rawPost("/api/rooms", deep).status()).isEqualTo(400);
    assertThat(rawPost("/api/rooms", "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").status())
        .isEqualTo(413);
    String longString = "{\"name\":\"" + "y".repeat(JsonPolicy.MAX_STRING_LENGTH + 1) + "\"}";
    String longNumber = "{\"seq\":" + "9".repeat(JsonPolicy.MAX_NUMBER_LENGTH + 1) + "}";
    String longName = "{\"" + "n".repeat(JsonPolicy.MAX_NAME_LENGTH + 1) + "\":1,\"name\":\"ok\"}";
    for (String body : new String[] {deep, longString, longNumber, longName}) {
      WebClient.Reply reply = rawPost("/api/rooms", body);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("message").asText()).contains("not acceptable JSON");
    }
    assertThat(rawPost("/api/rooms", "{not json").error()).isEqualTo("invalid_input");
  }

  @Test
  void unknownApiPathsAnswerWithAJsonNotFound() {
    WebClient.Reply reply = alice.get("/api/nothing-here");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).isEqualTo("not_found");
  }

  private WebClient.Reply rawPost(String path, String json) {
    return alice.post(path, new RawJson(json));
  }

  /** A body written verbatim. */
  record RawJson(@com.fasterxml.jackson.annotation.JsonRawValue String json) {
    @com.fasterxml.jackson.annotation.JsonValue
    @com.fasterxml.jackson.annotation.JsonRawValue
    String value() {
      return json;
    }
  }

  private void post(WebClient who, JsonNode room, int count) {
    UserId actor = new UserId(who.userId());
    for (int i = 1; i <= count; i++) {
      server
          .core
          .messages()
          .send(
              new SendMessage(
                  actor,
                  new RoomId(room.get("id").asText()),
                  new ClientMessageId("c" + System.nanoTime()),
                  "message " + i,
                  List.of(),
                  Optional.empty()));
    }
  }

  private static String path(JsonNode room, String rest) {
    return "/api/rooms/" + room.get("id").asText() + rest;
  }
}
