package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refusal before the upgrade is a plain, complete HTTP answer with its own status and no
 * socket behind it (no 101, no close frame, no response left open), on every hosting that can
 * refuse before the upgrade.
 */
class HandshakeRefusalsTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void noSessionIsACleanRefusalWith401(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      HandshakeProbe.Answer answer = HandshakeProbe.send(port(chat), "/ws", Map.of());
      assertThat(answer.isCleanRefusal(401)).as(answer.toString()).isTrue();
      HandshakeProbe.Answer forged =
          HandshakeProbe.send(
              port(chat), "/ws", Map.of("Cookie", "chatterlink_session=" + "A".repeat(43)));
      assertThat(forged.isCleanRefusal(401)).as(forged.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aForeignOriginIsACleanRefusalWith403(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      String cookie = ChatFixture.cookie(chat.user("alice"));
      HandshakeProbe.Answer answer =
          HandshakeProbe.send(
              port(chat), "/ws", Map.of("Cookie", cookie, "Origin", "http://evil.example"));
      assertThat(answer.isCleanRefusal(403)).as(answer.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aServerWithoutACoreYetIsACleanRefusalWith503(Hosting hosting) {
    WebSocketTransport starting = WebSocketTransport.create(TransportSettings.defaults());
    Hosting.Hosted hosted = hosting.start(starting);
    try {
      HandshakeProbe.Answer answer = HandshakeProbe.send(hosted.port(), "/ws", Map.of());
      assertThat(answer.isCleanRefusal(503)).as(answer.toString()).isTrue();
    } finally {
      starting.shutdown(Duration.ZERO);
      hosted.stop().run();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aStoppingServerIsACleanRefusalWith503EvenWithAValidSession(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      String cookie = ChatFixture.cookie(chat.user("alice"));
      chat.transport.shutdown(Duration.ZERO);
      HandshakeProbe.Answer answer =
          HandshakeProbe.send(port(chat), "/ws", Map.of("Cookie", cookie));
      assertThat(answer.isCleanRefusal(503)).as(answer.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aUserAtTheConnectionCapIsACleanRefusalWith429(Hosting hosting) {
    try (ChatFixture chat =
        new ChatFixture(hosting, TransportSettings.defaults().withConnectionCaps(1, 100))) {
      var alice = chat.user("alice");
      chat.connect(alice);
      HandshakeProbe.Answer answer =
          HandshakeProbe.send(port(chat), "/ws", Map.of("Cookie", ChatFixture.cookie(alice)));
      assertThat(answer.isCleanRefusal(429)).as(answer.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void eachRefusalOfAnAuthenticatorIsACleanRefusalWithItsOwnStatus(Hosting hosting) {
    HandshakeAuthenticator authenticator =
        request -> {
          String verdict = request.header("X-Verdict").orElse("");
          if (verdict.equals("boom")) {
            throw new IllegalStateException("the identity provider is down");
          }
          if (verdict.equals("ghost")) {
            return new HandshakeAuthenticator.Accepted(
                new UserId("nobody-here"), new Revocation.Grant("g1", java.util.Optional.empty()));
          }
          return new HandshakeAuthenticator.Refused(HandshakeRefusal.valueOf(verdict), "test");
        };
    try (ChatFixture chat =
        new ChatFixture(
            hosting,
            WebSocketTransport.builder(TransportSettings.defaults())
                .authenticator(authenticator))) {
      for (HandshakeRefusal refusal : HandshakeRefusal.values()) {
        HandshakeProbe.Answer answer =
            HandshakeProbe.send(port(chat), "/ws", Map.of("X-Verdict", refusal.name()));
        assertThat(answer.isCleanRefusal(refusal.httpStatus())).as(answer.toString()).isTrue();
      }
      HandshakeProbe.Answer failed =
          HandshakeProbe.send(port(chat), "/ws", Map.of("X-Verdict", "boom"));
      assertThat(failed.isCleanRefusal(503)).as("a failure is not a logout: " + failed).isTrue();
      HandshakeProbe.Answer unknown =
          HandshakeProbe.send(port(chat), "/ws", Map.of("X-Verdict", "ghost"));
      assertThat(unknown.isCleanRefusal(401)).as(unknown.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aValidSessionStillUpgradesWith101(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      String cookie = ChatFixture.cookie(chat.user("alice"));
      HandshakeProbe.Answer answer =
          HandshakeProbe.send(port(chat), "/ws", Map.of("Cookie", cookie));
      assertThat(answer.status()).isEqualTo(101);
      assertThat(answer.headers()).containsKey("sec-websocket-accept");
    }
  }

  private static int port(ChatFixture chat) {
    return chat.uri().getPort();
  }
}
