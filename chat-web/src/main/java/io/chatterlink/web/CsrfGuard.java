package io.chatterlink.web;

import io.chatterlink.core.error.ForbiddenException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection: a state-changing request must echo the {@code chatterlink_csrf}
 * cookie in the {@code X-CSRF-Token} header (another site can send our cookies but cannot read
 * them), and its {@code Origin}, when present, must be ours or an allowed one.
 */
final class CsrfGuard {
  static final String HEADER = "X-CSRF-Token";

  private final Set<String> allowedOrigins;

  CsrfGuard(Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  static boolean changesState(HttpServerExchange exchange) {
    return !(exchange.getRequestMethod().equals(Methods.GET)
        || exchange.getRequestMethod().equals(Methods.HEAD)
        || exchange.getRequestMethod().equals(Methods.OPTIONS));
  }

  /**
   * @throws ForbiddenException when the token is missing or wrong, or the origin is foreign
   */
  void check(HttpServerExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    if (origin != null && !originAllowed(exchange, origin)) {
      throw new ForbiddenException("cross-origin request refused");
    }
    Optional<String> cookie = Cookies.csrfToken(exchange);
    String header = exchange.getRequestHeaders().getFirst(HEADER);
    if (cookie.isEmpty() || header == null || !constantTimeEquals(cookie.get(), header)) {
      throw new ForbiddenException(
          "missing or wrong CSRF token: send the chatterlink_csrf cookie's value in " + HEADER);
    }
  }

  /**
   * Same origin means the Origin's {@code host[:port]} equals the request's {@code Host}, as the
   * WebSocket transport decides it; the scheme is not compared, so that a TLS-terminating proxy in
   * front of a plain-HTTP server needs no configuration.
   */
  private boolean originAllowed(HttpServerExchange exchange, String origin) {
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    String lower = origin.toLowerCase(Locale.ROOT);
    int authority = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
    boolean sameHost =
        host != null
            && authority > 0
            && lower.substring(authority).equals(host.toLowerCase(Locale.ROOT));
    return sameHost || allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
