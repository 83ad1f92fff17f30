/**
 * Internal, not API: one socket's life after the handshake: its bounded outbound queue and pump
 * (flow control), the per-room seq cursors, the registry that is the transport's {@code Delivery},
 * the connection caps and request budgets, the heartbeat and the session sweep.
 *
 * <p>Public only so that the transport's other packages can use it; left out of the Javadoc, and
 * may change in any release. Use {@code io.chatterlink.transport.websocket} instead.
 */
package io.chatterlink.transport.websocket.internal.connection;
