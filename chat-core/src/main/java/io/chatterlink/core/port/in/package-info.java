/**
 * Inbound ports: the use cases adapters call, with their command records. Every use case takes the
 * acting user, authenticated by the adapter and never read from a request payload, and checks
 * membership and roles itself. Failures are {@link io.chatterlink.core.error.ChatException}s.
 */
package io.chatterlink.core.port.in;
