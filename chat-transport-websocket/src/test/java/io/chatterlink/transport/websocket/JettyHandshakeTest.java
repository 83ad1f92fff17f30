package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The handshake on Jetty 12 with the {@link ServletHandshakeFilter} in front of Jetty's upgrade:
 * refusals are HTTP statuses before the upgrade, as on the transport's own hostings.
 */
class JettyHandshakeTest extends HandshakeContract {
  @Override
  Host host() {
    return JettyHosting.WITH_HANDSHAKE_FILTER;
  }

  @Test
  void anAdmittedUpgradeIsAuthenticatedOnceNotAgainByTheEndpoint() {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<UserId> user = new AtomicReference<>();
    HandshakeAuthenticator counting =
        request -> {
          calls.incrementAndGet();
          return new HandshakeAuthenticator.Accepted(
              user.get(), new Revocation.Grant("grant-1", Optional.empty()));
        };
    try (ChatFixture chat =
        new ChatFixture(
            host(),
            WebSocketTransport.builder(TransportSettings.defaults()).authenticator(counting))) {
      user.set(chat.user("alice").user().id());

      HandshakeProbe.Answer answer = probe(chat, Map.of());

      assertThat(answer.status()).isEqualTo(101);
      assertThat(calls).hasValue(1);
    }
  }

  @Test
  void aPlaceTakenForAnUpgradeThatJettyDidNotPerformIsGivenBack() {
    try (ChatFixture chat =
        new ChatFixture(host(), TransportSettings.defaults().withConnectionCaps(1, 100))) {
      var alice = chat.user("alice");
      String cookie = ChatFixture.cookie(alice);
      // An upgrade Jetty does not perform (no Sec-WebSocket-Key): the filter had admitted it and
      // taken alice's only place.
      HandshakeProbe.Answer notAnUpgrade =
          HandshakeProbe.sendRaw(
              chat.uri().getPort(),
              "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Cookie: "
                  + cookie
                  + "\r\n\r\n");
      assertThat(notAnUpgrade.status()).isNotEqualTo(101);

      assertThat(chat.connect(alice).request("{\"type\":\"ping\"}").path("code").asInt())
          .isEqualTo(200);
    }
  }
}
