package io.chatterlink.transport.websocket;

/**
 * The handshake on the transport's Grizzly hosting: refusals are HTTP statuses before the upgrade.
 */
class GrizzlyHandshakeTest extends HandshakeContract {
  @Override
  Host host() {
    return Hosting.GRIZZLY;
  }
}
