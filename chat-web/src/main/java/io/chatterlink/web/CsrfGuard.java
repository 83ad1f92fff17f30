package io.chatterlink.web;

import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.policy.OriginPolicy;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection: a state-changing request must echo the {@code chatterlink_csrf}
 * cookie in the {@code X-CSRF-Token} header (another site can send our cookies but cannot read
 * them), and its {@code Origin}, when present, must pass the {@link OriginPolicy} that the
 * WebSocket handshake applies too.
 */
final class CsrfGuard {
  static final String HEADER = "X-CSRF-Token";

  private final OriginPolicy origins;

  CsrfGuard(Set<String> allowedOrigins) {
    this.origins = new OriginPolicy(allowedOrigins);
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
    Optional<String> host =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.HOST));
    if (origin != null && !origins.allows(origin, host)) {
      throw new ForbiddenException("cross-origin request refused");
    }
    Optional<String> cookie = Cookies.csrfToken(exchange);
    String header = exchange.getRequestHeaders().getFirst(HEADER);
    if (cookie.isEmpty() || header == null || !constantTimeEquals(cookie.get(), header)) {
      throw new ForbiddenException(
          "missing or wrong CSRF token: send the chatterlink_csrf cookie's value in " + HEADER);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
