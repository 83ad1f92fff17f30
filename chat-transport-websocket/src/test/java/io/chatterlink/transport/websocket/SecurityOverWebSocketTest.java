package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.subscribe;
import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may connect, and who may see and do what, on both hostings. */
class SecurityOverWebSocketTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anUpgradeWithoutAValidSessionCookieIsRefusedWith401(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      assertThat(handshakeStatus(chat, Optional.empty(), Optional.empty())).isEqualTo(401);
      assertThat(
              handshakeStatus(
                  chat,
                  Optional.of("chatterlink_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                  Optional.empty()))
          .isEqualTo(401);
      assertThat(handshakeStatus(chat, Optional.of("chatterlink_session=short"), Optional.empty()))
          .isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anUpgradeFromAnotherOriginIsRefusedWith403ButTheSameOriginIsAccepted(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      Optional<String> cookie = Optional.of(ChatFixture.cookie(alice));

      assertThat(handshakeStatus(chat, cookie, Optional.of("http://evil.example"))).isEqualTo(403);
      assertThat(handshakeStatus(chat, cookie, Optional.of("null"))).isEqualTo(403);
      TestClient sameOrigin =
          TestClient.open(chat.uri(), cookie, Optional.of("http://" + chat.host()), true).join();
      assertThat(sameOrigin.await(ofType("hello")).path("protocol").asText())
          .isEqualTo("chatterlink.v1");
      sameOrigin.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void anAllowListAdmitsTheListedOriginsBesidesTheServersOwn(Hosting hosting) {
    TransportSettings settings =
        TransportSettings.defaults().withAllowedOrigins(Set.of("https://chat.example.com"));
    try (ChatFixture chat = new ChatFixture(hosting, settings)) {
      Optional<String> cookie = Optional.of(ChatFixture.cookie(chat.user("alice")));

      assertThat(handshakeStatus(chat, cookie, Optional.of("https://chat.example.org")))
          .isEqualTo(403);
      TestClient own =
          TestClient.open(chat.uri(), cookie, Optional.of("http://" + chat.host()), true).join();
      assertThat(own.await(ofType("hello"))).isNotNull();
      own.close();
      TestClient listed =
          TestClient.open(chat.uri(), cookie, Optional.of("https://chat.example.com"), true).join();
      assertThat(listed.await(ofType("hello"))).isNotNull();
      listed.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aNonMemberCannotSendReadOrSubscribeAndAForgedSenderIsIgnored(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      RoomId room =
          chat.core
              .rooms()
              .createRoom(
                  new io.chatterlink.core.port.in.ManageRooms.CreateRoom(
                      alice.user().id(), "secret", io.chatterlink.core.model.RoomKind.PRIVATE))
              .id();
      TestClient b = chat.connect(bob);

      JsonNode sendReply = b.request(send(room.value(), "x1", "let me in"));
      JsonNode historyReply =
          b.request(
              "{\"type\":\"history\",\"room\":\"" + room.value() + "\",\"direction\":\"latest\"}");
      JsonNode subscribeReply = b.request(subscribe(room.value(), 0));

      for (JsonNode reply : new JsonNode[] {sendReply, historyReply, subscribeReply}) {
        assertThat(reply.path("code").asInt()).isEqualTo(404);
        assertThat(reply.path("error").asText()).isEqualTo("not_found");
      }
      TestClient a = chat.connect(alice);
      String forged =
          "{\"type\":\"send\",\"room\":\""
              + room.value()
              + "\",\"clientMessageId\":\"f1\","
              + "\"text\":\"hi\",\"sender\":\""
              + bob.user().id().value()
              + "\"}";
      assertThat(a.request(forged).path("code").asInt()).isEqualTo(200);
      assertThat(
              chat.core.history().page(alice.user().id(), room, PageRequest.latest(5)).messages())
          .extracting(m -> m.sender())
          .containsExactly(alice.user().id());
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aRemovedMemberStopsReceivingTheRoomOnAlreadyOpenConnections(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      LoginResult bob = chat.user("bob");
      LoginResult carol = chat.user("carol");
      RoomId room = chat.publicRoom(alice, "general").id();
      chat.core.rooms().joinRoom(bob.user().id(), room);
      chat.core.rooms().joinRoom(carol.user().id(), room);
      TestClient a = chat.connect(alice);
      TestClient b = chat.connect(bob);
      TestClient c = chat.connect(carol);
      b.request(subscribe(room.value(), 0));
      c.request(subscribe(room.value(), 0));
      a.request(send(room.value(), "before", "before removal"));
      b.await(ofType("message"));

      chat.core.rooms().removeMember(alice.user().id(), room, bob.user().id());
      assertThat(b.await(ofType("member.removed")).path("user").asText())
          .isEqualTo(bob.user().id().value());
      a.request(send(room.value(), "after", "after removal"));
      a.request("{\"type\":\"typing\",\"room\":\"" + room.value() + "\",\"typing\":true}");

      assertThat(c.awaitCount(ofType("message"), 2)).hasSize(2);
      c.await(ofType("typing"));
      assertThat(b.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(b.matching(ofType("message"))).hasSize(1);
      assertThat(b.matching(ofType("typing"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void loggingOutClosesThatSessionsSocketsWith4401AndNoOthers(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult bob = chat.user("bob");
      LoginResult bobElsewhere = chat.logInAgain("bob");
      TestClient tab1 = chat.connect(bob);
      TestClient tab2 = chat.connect(bob);
      TestClient phone = chat.connect(bobElsewhere);

      chat.core.accounts().logOut(bob.token());

      assertThat(tab1.awaitCloseCode()).isEqualTo(4401);
      assertThat(tab2.awaitCloseCode()).isEqualTo(4401);
      assertThat(phone.request("{\"type\":\"ping\"}").path("code").asInt()).isEqualTo(200);
      assertThat(handshakeStatus(chat, Optional.of(ChatFixture.cookie(bob)), Optional.empty()))
          .isEqualTo(401);
    }
  }

  /** The HTTP status of an upgrade request, read from the status line alone. */
  static int handshakeStatus(ChatFixture chat, Optional<String> cookie, Optional<String> origin) {
    try (Socket socket = new Socket("127.0.0.1", chat.uri().getPort())) {
      socket.setSoTimeout((int) TestClient.PATIENCE.toMillis());
      String request =
          "GET /ws HTTP/1.1\r\nHost: "
              + chat.host()
              + "\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\n"
              + origin.map(o -> "Origin: " + o + "\r\n").orElse("")
              + cookie.map(c -> "Cookie: " + c + "\r\n").orElse("")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.append((char) b);
      }
      return Integer.parseInt(line.toString().split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aValidSessionUpgradesWith101(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      Optional<String> cookie = Optional.of(ChatFixture.cookie(chat.user("alice")));
      assertThat(handshakeStatus(chat, cookie, Optional.empty())).isEqualTo(101);
    }
  }
}
