/**
 * Outbound ports: the capabilities the core needs from the world (storage, cryptography, delivery,
 * ids). Each has an abstract contract test in chat-core's test-jar that every adapter, the
 * in-memory ones included, must pass. No method accepts or returns {@code null}.
 */
package io.chatterlink.core.port.out;
