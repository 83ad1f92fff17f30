/**
 * Internal, not API: the checks of an upgrade (server state, {@code Origin}, authentication,
 * connection caps), run by the Tyrus configurator or by the servlet filter before a servlet
 * container upgrades.
 *
 * <p>Public only so that the transport's other packages can use it; left out of the Javadoc, and
 * may change in any release. Use {@code io.chatterlink.transport.websocket} instead.
 */
package io.chatterlink.transport.websocket.internal.handshake;
