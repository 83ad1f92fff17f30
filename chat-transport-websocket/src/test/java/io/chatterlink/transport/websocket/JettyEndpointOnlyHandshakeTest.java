package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handshake on Jetty 12 with the endpoint alone, no {@link ServletHandshakeFilter}: Jetty
 * upgrades before the transport can refuse, so each refusal is a 101 whose first frame is a close
 * with the cause's own code (never 4401 for a server that is starting), before any {@code hello}.
 */
class JettyEndpointOnlyHandshakeTest extends HandshakeContract {
  @Override
  Host host() {
    return JettyHosting.ENDPOINT_ONLY;
  }

  @Override
  void assertRefusal(HandshakeProbe.Answer answer, HandshakeRefusal cause) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(101);
    assertThat(answer.firstFrameCloseCode()).as(answer.toString()).hasValue(cause.closeCode());
  }
}
