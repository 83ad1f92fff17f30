package io.chatterlink.transport.websocket;

/**
 * The handshake on the transport's Undertow hosting: refusals are HTTP statuses before the upgrade.
 */
class UndertowHandshakeTest extends HandshakeContract {
  @Override
  Host host() {
    return Hosting.UNDERTOW;
  }
}
