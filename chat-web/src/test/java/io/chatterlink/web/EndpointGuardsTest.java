package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guards that hold for every endpoint: a session is needed, and GET changes nothing. */
class EndpointGuardsTest {
  @TempDir static Path uploads;
  static TestServer server;
  static WebClient alice;
  static String room;

  @BeforeAll
  static void start() {
    server = TestServer.start(uploads);
    alice = server.signedIn("alice");
    room = alice.createRoom("general", "public").get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/me",
    "GET, /api/users?prefix=a",
    "GET, /api/users/USER",
    "GET, /api/rooms",
    "GET, /api/public-rooms",
    "GET, /api/rooms/ROOM",
    "GET, /api/rooms/ROOM/members",
    "GET, /api/rooms/ROOM/presence",
    "GET, /api/rooms/ROOM/messages",
    "GET, /api/attachments/a1",
    "GET, /api/attachments/a1/thumbnail",
    "GET, /api/attachments/a1/info",
    "POST, /api/password",
    "POST, /api/invites",
    "POST, /api/rooms",
    "PATCH, /api/rooms/ROOM",
    "POST, /api/rooms/ROOM/join",
    "POST, /api/rooms/ROOM/leave",
    "POST, /api/rooms/ROOM/members",
    "DELETE, /api/rooms/ROOM/members/USER",
    "POST, /api/rooms/ROOM/read",
    "POST, /api/direct",
    "POST, /api/rooms/ROOM/attachments?name=a.png"
  })
  void everyEndpointButTheAccountOnesNeedsASession(String method, String template) {
    WebClient anonymous = server.client();
    String path = template.replace("ROOM", room).replace("USER", alice.userId());
    WebClient.Reply reply =
        switch (method) {
          case "GET" -> anonymous.get(path);
          case "POST" -> anonymous.post(path, Map.of("name", "x", "seq", 1, "user", "u1"));
          case "PATCH" -> anonymous.patch(path, Map.of("name", "x"));
          default -> anonymous.delete(path);
        };
    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(401);
    assertThat(reply.error()).isEqualTo("not_authenticated");
  }

  @ParameterizedTest(name = "GET {0}")
  @CsvSource({
    "/api/register",
    "/api/login",
    "/api/logout",
    "/api/password",
    "/api/invites",
    "/api/direct",
    "/api/rooms/ROOM/join",
    "/api/rooms/ROOM/leave",
    "/api/rooms/ROOM/read",
    "/api/rooms/ROOM/attachments"
  })
  void aGetOnAStateChangingPathIsRefusedAndChangesNothing(String template) {
    String before = alice.get("/api/rooms").json().toString();

    WebClient.Reply reply = alice.get(template.replace("ROOM", room));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(alice.get("/api/rooms").json().toString()).isEqualTo(before);
    assertThat(alice.get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void theConfigIsPublicAndNamesTheLimits() {
    WebClient.Reply reply = server.client().get("/api/config");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("registration").asText()).isEqualTo("open");
    assertThat(reply.json().get("maxUploadBytes").asLong())
        .isEqualTo(WebSettings.DEFAULT_MAX_UPLOAD_BYTES);
    assertThat(reply.json().get("uploadTypes")).hasSize(MediaKind.values().length);
  }

  @Test
  void theLastOwnerCannotLeaveARoomWithOtherMembers() {
    String shared = alice.createRoom("shared", "public").get("id").asText();
    WebClient bob = server.signedIn("bob");
    bob.post("/api/rooms/" + shared + "/join", Map.of());

    WebClient.Reply reply = alice.post("/api/rooms/" + shared + "/leave", Map.of());

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.error()).isEqualTo("conflict");
  }
}
