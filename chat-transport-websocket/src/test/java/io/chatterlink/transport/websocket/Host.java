package io.chatterlink.transport.websocket;

/** A container that serves a transport's endpoint on an ephemeral loopback port. */
interface Host {
  /** Starts serving {@code transport}; the returned {@link Hosting.Hosted} stops it. */
  Hosting.Hosted start(WebSocketTransport transport);
}
