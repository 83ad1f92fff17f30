package io.chatterlink.transport.websocket.internal.handshake;

import io.chatterlink.core.policy.ForwardedHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client address a handshake counts against ({@link
 * TransportSettings#maxConnectionsPerAddress}). Behind a trusted proxy it is the <em>last</em>
 * entry of the last {@code X-Forwarded-For} header, the one the proxy added (earlier entries come
 * from the client and can be forged), by the rule the web adapter uses for HTTP ({@link
 * ForwardedHeaders}); otherwise, or when that entry is not an address, the TCP peer.
 */
public final class ClientAddress {
  private ClientAddress() {}

  /**
   * The address to count; empty when the container does not tell the peer's address and no trusted
   * proxy header names one (such sockets are capped per user only).
   *
   * @param peer the TCP peer's address as the container reports it, if it does
   * @param forwardedFor the values of the {@code X-Forwarded-For} headers, in order
   * @param trustProxyHeaders whether {@code forwardedFor} is to be believed
   */
  public static Optional<String> of(
      Optional<String> peer, List<String> forwardedFor, boolean trustProxyHeaders) {
    if (trustProxyHeaders && !forwardedFor.isEmpty()) {
      Optional<String> proxied =
          ForwardedHeaders.clientAddress(
              Optional.ofNullable(forwardedFor.get(forwardedFor.size() - 1)));
      if (proxied.isPresent()) {
        return proxied;
      }
    }
    return peer.filter(p -> !p.isBlank()).map(p -> p.toLowerCase(Locale.ROOT));
  }
}
