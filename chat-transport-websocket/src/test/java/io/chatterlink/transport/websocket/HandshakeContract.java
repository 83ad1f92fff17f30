package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The handshake as every container hosting the transport must answer it: a valid credential
 * upgrades (101, then {@code hello}), and each cause of refusal (no or an invalid credential, a
 * foreign {@code Origin}, the connection caps, a server starting or stopping, each refusal of an
 * authenticator) is told apart from the others. One subclass per container; a container that
 * refuses before the upgrade answers with the cause's HTTP status and nothing behind it (the
 * default), one that cannot overrides {@link #assertRefusal} (close code per cause).
 */
abstract class HandshakeContract {

  /** The container under test. */
  abstract Host host();

  /** Asserts that {@code answer} refuses the upgrade for {@code cause}, as this container does. */
  void assertRefusal(HandshakeProbe.Answer answer, HandshakeRefusal cause) {
    assertThat(answer.isCleanRefusal(cause.httpStatus())).as(answer.toString()).isTrue();
  }

  @Test
  void aValidSessionUpgradesWith101AndHello() {
    try (ChatFixture chat = new ChatFixture(host())) {
      String cookie = ChatFixture.cookie(chat.user("alice"));

      HandshakeProbe.Answer answer = probe(chat, Map.of("Cookie", cookie));

      assertThat(answer.status()).isEqualTo(101);
      assertThat(answer.headers()).containsKey("sec-websocket-accept");
      assertThat(answer.firstFrameOpcode()).as("hello, a text frame").hasValue(1);
    }
  }

  @Test
  void noSessionAndAForgedOneAreRefusedAsNotAuthenticated() {
    try (ChatFixture chat = new ChatFixture(host())) {
      assertRefusal(probe(chat, Map.of()), HandshakeRefusal.NOT_AUTHENTICATED);
      assertRefusal(
          probe(chat, Map.of("Cookie", "chatterlink_session=" + "A".repeat(43))),
          HandshakeRefusal.NOT_AUTHENTICATED);
    }
  }

  @Test
  void aForeignOriginIsRefusedAsForbiddenEvenWithAValidSession() {
    try (ChatFixture chat = new ChatFixture(host())) {
      String cookie = ChatFixture.cookie(chat.user("alice"));

      HandshakeProbe.Answer answer =
          probe(chat, Map.of("Cookie", cookie, "Origin", "http://evil.example"));

      assertRefusal(answer, HandshakeRefusal.FORBIDDEN);
    }
  }

  @Test
  void aServerWithoutACoreYetIsRefusedAsUnavailable() {
    WebSocketTransport starting = WebSocketTransport.create(TransportSettings.defaults());
    Hosting.Hosted hosted = host().start(starting);
    try {
      HandshakeProbe.Answer answer = HandshakeProbe.send(hosted.port(), starting.path(), Map.of());

      assertRefusal(answer, HandshakeRefusal.UNAVAILABLE);
    } finally {
      starting.shutdown(Duration.ZERO);
      hosted.stop().run();
    }
  }

  @Test
  void aStoppingServerIsRefusedAsUnavailableEvenWithAValidSession() {
    try (ChatFixture chat = new ChatFixture(host())) {
      String cookie = ChatFixture.cookie(chat.user("alice"));
      chat.transport.shutdown(Duration.ZERO);

      HandshakeProbe.Answer answer = probe(chat, Map.of("Cookie", cookie));

      assertRefusal(answer, HandshakeRefusal.UNAVAILABLE);
    }
  }

  @Test
  void aUserAtTheConnectionCapIsRefusedAsTooManyConnections() {
    try (ChatFixture chat =
        new ChatFixture(host(), TransportSettings.defaults().withConnectionCaps(1, 100))) {
      var alice = chat.user("alice");
      chat.connect(alice);

      HandshakeProbe.Answer answer = probe(chat, Map.of("Cookie", ChatFixture.cookie(alice)));

      assertRefusal(answer, HandshakeRefusal.TOO_MANY_CONNECTIONS);
    }
  }

  @Test
  void aClientAddressAtItsCapIsRefusedAsTooManyConnectionsWhateverTheUser() {
    try (ChatFixture chat =
        new ChatFixture(host(), TransportSettings.defaults().withConnectionCaps(100, 1))) {
      chat.connect(chat.user("alice"));

      HandshakeProbe.Answer answer =
          probe(chat, Map.of("Cookie", ChatFixture.cookie(chat.user("bob"))));

      assertRefusal(answer, HandshakeRefusal.TOO_MANY_CONNECTIONS);
    }
  }

  @Test
  void eachRefusalOfAnAuthenticatorKeepsItsOwnCauseAndAFailureIsNoLogout() {
    HandshakeAuthenticator authenticator =
        request -> {
          String verdict = request.header("X-Verdict").orElse("");
          if (verdict.equals("boom")) {
            throw new IllegalStateException("the identity provider is down");
          }
          if (verdict.equals("ghost")) {
            return new HandshakeAuthenticator.Accepted(
                new UserId("nobody-here"), new Revocation.Grant("g1", Optional.empty()));
          }
          return new HandshakeAuthenticator.Refused(HandshakeRefusal.valueOf(verdict), "test");
        };
    try (ChatFixture chat =
        new ChatFixture(
            host(),
            WebSocketTransport.builder(TransportSettings.defaults())
                .authenticator(authenticator))) {
      for (HandshakeRefusal refusal : HandshakeRefusal.values()) {
        assertRefusal(probe(chat, Map.of("X-Verdict", refusal.name())), refusal);
      }
      assertRefusal(probe(chat, Map.of("X-Verdict", "boom")), HandshakeRefusal.UNAVAILABLE);
      assertRefusal(probe(chat, Map.of("X-Verdict", "ghost")), HandshakeRefusal.NOT_AUTHENTICATED);
    }
  }

  static HandshakeProbe.Answer probe(ChatFixture chat, Map<String, String> headers) {
    return HandshakeProbe.send(chat.uri().getPort(), chat.transport.path(), headers);
  }
}
