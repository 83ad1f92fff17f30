/**
 * Internal, not API: the Jakarta WebSocket endpoint: opens a connection for the user the handshake
 * admitted and translates each request to a use case of the core and back.
 *
 * <p>Public only so that the transport's other packages can use it; left out of the Javadoc, and
 * may change in any release. Use {@code io.chatterlink.transport.websocket} instead.
 */
package io.chatterlink.transport.websocket.internal.endpoint;
