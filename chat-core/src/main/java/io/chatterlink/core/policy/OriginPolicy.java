package io.chatterlink.core.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may act on a user's behalf: the one rule behind both the HTTP API's CSRF check
 * and the WebSocket handshake's defence against cross-site WebSocket hijacking, so that the two can
 * never disagree. A request's {@code Origin} is allowed when it is the server's own origin (its
 * {@code host[:port]} equals the request's {@code Host} header; the scheme is not compared, so a
 * TLS-terminating proxy in front of a plain-HTTP server needs no setting) or one of the configured
 * extra origins. Default ports are ignored on both sides ({@code https://a:443} is {@code
 * https://a}); comparisons ignore case; the opaque origin {@code null} is never allowed.
 *
 * <p>Immutable and thread-safe.
 */
public final class OriginPolicy {
  private final Set<String> extraOrigins;

  /**
   * @param extraOrigins origins allowed besides the server's own, each {@code scheme://host[:port]}
   *     with scheme {@code http} or {@code https} and nothing after the authority (a trailing
   *     {@code /} is tolerated)
   * @throws IllegalArgumentException naming the first origin that is not of that form
   */
  public OriginPolicy(Set<String> extraOrigins) {
    this.extraOrigins =
        extraOrigins.stream()
            .map(
                origin ->
                    normalized(origin)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "an allowed origin must look like https://host[:port]: "
                                        + origin)))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether a request carrying this {@code Origin} header may go on.
   *
   * @param origin the request's {@code Origin} header
   * @param hostHeader the request's {@code Host} header, if it has one
   * @return true when the origin is one of the extra origins, or names the same host and port as
   *     {@code hostHeader}; false for a malformed origin
   */
  public boolean allows(String origin, Optional<String> hostHeader) {
    Objects.requireNonNull(origin, "origin");
    Optional<String> normalized = normalized(origin);
    if (normalized.isEmpty()) {
      return false;
    }
    if (extraOrigins.contains(normalized.get())) {
      return true;
    }
    String authority = normalized.get().substring(normalized.get().indexOf("://") + 3);
    String scheme = normalized.get().substring(0, normalized.get().indexOf("://"));
    return hostHeader
        .map(host -> withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT), scheme))
        .filter(authority::equals)
        .isPresent();
  }

  /**
   * The extra origins, normalized.
   *
   * @return {@code scheme://host[:port]} in lower case, without default ports; unmodifiable
   */
  public Set<String> extraOrigins() {
    return extraOrigins;
  }

  /** {@code scheme://host[:port]} in lower case without a default port, or empty if malformed. */
  private static Optional<String> normalized(String origin) {
    String trimmed = origin.strip().toLowerCase(Locale.ROOT);
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      boolean plain =
          ("http".equals(scheme) || "https".equals(scheme))
              && uri.getHost() != null
              && uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (!plain) {
        return Optional.empty();
      }
      String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      return Optional.of(scheme + "://" + withoutDefaultPort(authority, scheme));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String withoutDefaultPort(String authority, String scheme) {
    String defaultPort = scheme.equals("https") ? ":443" : ":80";
    return authority.endsWith(defaultPort)
        ? authority.substring(0, authority.length() - defaultPort.length())
        : authority;
  }
}
