package io.chatterlink.transport.websocket;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address a handshake counts against ({@link
 * TransportSettings#maxConnectionsPerAddress}). Behind a trusted proxy it is the <em>last</em>
 * entry of the last {@code X-Forwarded-For} header, the one the proxy added (earlier entries come
 * from the client and can be forged), exactly as the web adapter takes it for HTTP; otherwise, or
 * when that entry is not an address, the TCP peer.
 */
final class ClientAddress {
  /** What an IPv4 or IPv6 address (optionally bracketed) can look like; the web adapter's rule. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

  private ClientAddress() {}

  /**
   * The address to count; empty when the container does not tell the peer's address and no trusted
   * proxy header names one (such sockets are capped per user only).
   *
   * @param peer the TCP peer's address as the container reports it, if it does
   * @param forwardedFor the values of the {@code X-Forwarded-For} headers, in order
   * @param trustProxyHeaders whether {@code forwardedFor} is to be believed
   */
  static Optional<String> of(
      Optional<String> peer, List<String> forwardedFor, boolean trustProxyHeaders) {
    if (trustProxyHeaders && !forwardedFor.isEmpty()) {
      String header = forwardedFor.get(forwardedFor.size() - 1);
      String last =
          header == null
              ? ""
              : header.substring(header.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
      if (ADDRESS.matcher(last).matches()) {
        return Optional.of(last);
      }
    }
    return peer.filter(p -> !p.isBlank()).map(p -> p.toLowerCase(Locale.ROOT));
  }
}
