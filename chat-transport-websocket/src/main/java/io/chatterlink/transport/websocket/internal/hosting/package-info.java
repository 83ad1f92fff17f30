/**
 * Internal, not API: the glue to the containers the transport runs on itself: Tyrus driven from an
 * Undertow handler (with its own frame writer and mask check) and Tyrus on a standalone Grizzly
 * server.
 *
 * <p>Public only so that the transport's other packages can use it; left out of the Javadoc, and
 * may change in any release. Use {@code io.chatterlink.transport.websocket} instead.
 */
package io.chatterlink.transport.websocket.internal.hosting;
