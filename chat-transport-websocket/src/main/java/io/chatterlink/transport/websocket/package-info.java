/**
 * The {@code chatterlink.v1} real-time protocol on Jakarta WebSocket (Tyrus). Public: {@link
 * io.chatterlink.transport.websocket.WebSocketTransport} and its builder, its {@link
 * io.chatterlink.transport.websocket.TransportSettings}, the {@link
 * io.chatterlink.transport.websocket.TransportMetrics} hook it reports to (the host turns the
 * reports into metrics; the transport depends on no metrics library), and the handshake
 * authentication hook: {@link io.chatterlink.transport.websocket.HandshakeAuthenticator}, the
 * {@link io.chatterlink.transport.websocket.UpgradeRequest} it reads, the {@link
 * io.chatterlink.transport.websocket.Revocation} that ends a socket and the {@link
 * io.chatterlink.transport.websocket.HandshakeRefusal} causes; and the {@link
 * io.chatterlink.transport.websocket.ServletHandshakeFilter} that refuses upgrades on a servlet
 * container (Jetty) before it upgrades. Nothing else is API: the implementation lives in the {@code
 * internal} sub-packages (protocol, connection, handshake, hosting, endpoint), which are public
 * only for the Java language, left out of the Javadoc and may change in any release. Endpoints only
 * translate frames to the core's use cases and back.
 */
package io.chatterlink.transport.websocket;
