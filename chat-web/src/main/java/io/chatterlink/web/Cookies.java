package io.chatterlink.web;

import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.policy.SessionCookie;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The two cookies of the shared agreement: the HttpOnly session cookie, whose value is the core's
 * session token, and the CSRF cookie that scripts read and echo in {@code X-CSRF-Token}.
 */
final class Cookies {
  static final String SESSION = SessionCookie.NAME;
  static final String CSRF = "chatterlink_csrf";

  /** Random bytes in a CSRF token (256 bits). */
  private static final int CSRF_TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean alwaysSecure;
  private final Duration sessionMaxAge;

  Cookies(boolean alwaysSecure, Duration sessionMaxAge) {
    this.alwaysSecure = alwaysSecure;
    this.sessionMaxAge = sessionMaxAge;
  }

  /**
   * The session token the request presents, if it is well formed; the {@code __Host-} cookie wins
   * over the plain one (see {@link SessionCookie}).
   */
  static Optional<SessionToken> sessionToken(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(SessionCookie.SECURE_NAME);
    if (cookie == null) {
      cookie = exchange.getRequestCookie(SessionCookie.NAME);
    }
    return cookie == null
        ? Optional.empty()
        : SessionCookie.token(Optional.ofNullable(cookie.getValue()));
  }

  static Optional<String> csrfToken(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(CSRF);
    return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  void setSession(HttpServerExchange exchange, SessionToken token) {
    exchange.setResponseCookie(
        base(exchange, SessionCookie.name(secure(exchange)), token.secret())
            .setHttpOnly(true)
            .setMaxAge((int) Math.min(Integer.MAX_VALUE, sessionMaxAge.toSeconds())));
  }

  /** Clears the session cookie under both names, whichever the browser holds. */
  void clearSession(HttpServerExchange exchange) {
    exchange.setResponseCookie(
        base(exchange, SessionCookie.NAME, "").setHttpOnly(true).setMaxAge(0));
    if (secure(exchange)) {
      exchange.setResponseCookie(
          base(exchange, SessionCookie.SECURE_NAME, "").setHttpOnly(true).setMaxAge(0));
    }
  }

  /** Gives the client a CSRF token when it has none; scripts must read it, so not HttpOnly. */
  void issueCsrfIfMissing(HttpServerExchange exchange) {
    if (csrfToken(exchange).isEmpty()) {
      byte[] bytes = new byte[CSRF_TOKEN_BYTES];
      RANDOM.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      exchange.setResponseCookie(base(exchange, CSRF, token));
    }
  }

  private boolean secure(HttpServerExchange exchange) {
    return secure(exchange, alwaysSecure);
  }

  /**
   * Whether a cookie set in answer to this request is {@code Secure} (and so named with the {@code
   * __Host-} prefix): always when the server is told it sits behind TLS, else when the request came
   * over TLS. The one rule for every cookie of ours.
   */
  static boolean secure(HttpServerExchange exchange, boolean alwaysSecure) {
    return alwaysSecure || "https".equalsIgnoreCase(exchange.getRequestScheme());
  }

  /** Path {@code /} and no Domain: what the {@code __Host-} prefix requires. */
  private CookieImpl base(HttpServerExchange exchange, String name, String value) {
    CookieImpl cookie = new CookieImpl(name, value);
    cookie.setPath("/").setSameSiteMode("Lax").setSecure(secure(exchange));
    return cookie;
  }
}
