package io.chatterlink.transport.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a browser page of some origin may open a socket (cross-site WebSocket hijacking
 * defence). With an empty allow-list only the same origin may: the Origin's host and port must
 * equal the request's {@code Host}.
 */
final class OriginPolicy {
  private final Set<String> allowed;

  OriginPolicy(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  boolean allows(String origin, Optional<String> hostHeader) {
    String normalized = stripSlash(origin.trim().toLowerCase(Locale.ROOT));
    if (!allowed.isEmpty()) {
      return allowed.stream().map(OriginPolicy::stripSlash).anyMatch(normalized::equals);
    }
    return hostHeader
        .flatMap(host -> authority(normalized).map(a -> a.equals(hostOf(host, normalized))))
        .orElse(false);
  }

  private static Optional<String> authority(String origin) {
    try {
      URI uri = new URI(origin);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || port == defaultPort(uri.getScheme());
      return Optional.of(uri.getHost() + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String hostOf(String hostHeader, String origin) {
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    String scheme = origin.substring(0, Math.max(0, origin.indexOf(':')));
    String defaultSuffix = ":" + defaultPort(scheme);
    return host.endsWith(defaultSuffix)
        ? host.substring(0, host.length() - defaultSuffix.length())
        : host;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
