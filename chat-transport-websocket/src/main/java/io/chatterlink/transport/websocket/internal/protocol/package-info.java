/**
 * Internal, not API: the {@code chatterlink.v1} wire format: a client frame decoded once into a
 * typed {@code Request}, and every server frame (hello, replies, errors, pushes) written by {@code
 * ServerFrames}, with the shared JSON shapes of {@code docs/protocol.md} section 3.
 *
 * <p>Public only so that the transport's other packages can use it; left out of the Javadoc, and
 * may change in any release. Use {@code io.chatterlink.transport.websocket} instead.
 */
package io.chatterlink.transport.websocket.internal.protocol;
