/**
 * The {@code chatterlink.v1} real-time protocol on Jakarta WebSocket (Tyrus). Public: {@link
 * io.chatterlink.transport.websocket.WebSocketTransport}, its {@link
 * io.chatterlink.transport.websocket.TransportSettings} and the {@link
 * io.chatterlink.transport.websocket.TransportMetrics} hook it reports to (the host turns the
 * reports into metrics; the transport depends on no metrics library); everything else is
 * package-private. Endpoints only translate frames to the core's use cases and back.
 */
package io.chatterlink.transport.websocket;
