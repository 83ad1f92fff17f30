package io.chatterlink.transport.websocket;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The WebSocket upgrade request as a {@link HandshakeAuthenticator} sees it.
 *
 * @param requestUri the request's path and query, as sent
 * @param headers every request header; names are compared without regard to case
 * @param userPrincipal the user the container authenticated (servlet or Undertow security), if any
 * @param clientAddress the client's address: the TCP peer, or behind a trusted proxy ({@link
 *     TransportSettings#trustProxyHeaders()}) the last {@code X-Forwarded-For} entry; empty where
 *     the container does not tell
 */
public record UpgradeRequest(
    URI requestUri,
    Map<String, List<String>> headers,
    Optional<Principal> userPrincipal,
    Optional<String> clientAddress) {

  /**
   * Copies the headers into an unmodifiable map with case-insensitive names.
   *
   * @param requestUri the path and query
   * @param headers the headers; null names and values are dropped
   * @param userPrincipal the container's user, if any
   * @param clientAddress the client's address, if known
   * @throws NullPointerException if a component is null
   */
  public UpgradeRequest {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(userPrincipal, "userPrincipal");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers")
        .forEach(
            (name, values) -> {
              if (name != null && values != null) {
                List<String> all = copy.computeIfAbsent(name, n -> new ArrayList<>());
                values.stream().filter(Objects::nonNull).forEach(all::add);
              }
            });
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * Every value of one header.
   *
   * @param name the header's name, in any case
   * @return its values in the order sent; empty if absent
   */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /**
   * The first value of one header.
   *
   * @param name the header's name, in any case
   * @return the value; empty if absent
   */
  public Optional<String> header(String name) {
    return headers(name).stream().findFirst();
  }

  /**
   * The value of the first cookie of that name in the {@code Cookie} headers.
   *
   * @param name the cookie's name, case-sensitive as cookies are
   * @return its value, surrounding double quotes removed; empty if absent
   */
  public Optional<String> cookie(String name) {
    for (String header : headers("Cookie")) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          String value = pair.substring(eq + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }
}
