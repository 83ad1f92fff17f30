package io.chatterlink.core.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a server behind a trusted reverse proxy reads {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto}: the <em>last</em> entry of the last header, the one the proxy added (earlier
 * entries come from the client and can be forged). The one rule for the HTTP API (throttles,
 * per-address caps) and the WebSocket handshake (per-address socket caps), so that both count a
 * client under the same address.
 */
public final class ForwardedHeaders {
  /** What an IPv4 or IPv6 address (optionally bracketed) can look like. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

  private ForwardedHeaders() {}

  /**
   * The last comma-separated entry of a header value, stripped and in lower case; empty for a
   * missing header.
   *
   * @param headerValue the header's value as received (a proxy appends its entry at the end)
   * @return the last entry, the one the nearest proxy wrote; {@code ""} when the header is absent
   */
  public static String lastEntry(Optional<String> headerValue) {
    return headerValue
        .map(h -> h.substring(h.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT))
        .orElse("");
  }

  /**
   * The client address the proxy names in the last {@code X-Forwarded-For} header, if its last
   * entry looks like an IP address.
   *
   * @param lastForwardedFor the value of the request's last {@code X-Forwarded-For} header, if any
   * @return the address, lower case; empty when the header is missing or its last entry is not an
   *     IPv4 or IPv6 address (the caller then counts the connection's own peer address)
   */
  public static Optional<String> clientAddress(Optional<String> lastForwardedFor) {
    String last = lastEntry(lastForwardedFor);
    return ADDRESS.matcher(last).matches() ? Optional.of(last) : Optional.empty();
  }
}
