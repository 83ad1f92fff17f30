/**
 * The {@code chatterlink.v1} real-time protocol on Jakarta WebSocket (Tyrus). Public: {@link
 * io.chatterlink.transport.websocket.WebSocketTransport} and its {@link
 * io.chatterlink.transport.websocket.TransportSettings}; everything else is package-private.
 * Endpoints only translate frames to the core's use cases and back.
 */
package io.chatterlink.transport.websocket;
