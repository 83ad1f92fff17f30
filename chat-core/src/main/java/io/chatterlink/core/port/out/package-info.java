/**
 * Outbound ports: the capabilities the core needs from the world (storage, cryptography, delivery,
 * ids), and {@link io.chatterlink.core.port.out.Storage}, the stores of one database together. Each
 * has an abstract contract test in the test kit ({@code chat-test-kit}) that every adapter, the
 * in-memory ones included, must pass. No method accepts or returns {@code null}.
 */
package io.chatterlink.core.port.out;
