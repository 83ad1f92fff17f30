package io.chatterlink.web;

import io.chatterlink.core.model.SessionToken;
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
  static final String SESSION = "chatterlink_session";
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

  /** The session token the request presents, if it is well formed. */
  static Optional<SessionToken> sessionToken(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(SESSION);
    if (cookie == null || cookie.getValue() == null) {
      return Optional.empty();
    }
    String value = cookie.getValue();
    if (value.length() < 22 || value.length() > 128) {
      return Optional.empty();
    }
    return Optional.of(new SessionToken(value));
  }

  static Optional<String> csrfToken(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(CSRF);
    return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  void setSession(HttpServerExchange exchange, SessionToken token) {
    exchange.setResponseCookie(
        base(exchange, SESSION, token.secret())
            .setHttpOnly(true)
            .setMaxAge((int) Math.min(Integer.MAX_VALUE, sessionMaxAge.toSeconds())));
  }

  void clearSession(HttpServerExchange exchange) {
    exchange.setResponseCookie(base(exchange, SESSION, "").setHttpOnly(true).setMaxAge(0));
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

  private CookieImpl base(HttpServerExchange exchange, String name, String value) {
    boolean secure = alwaysSecure || "https".equalsIgnoreCase(exchange.getRequestScheme());
    CookieImpl cookie = new CookieImpl(name, value);
    cookie.setPath("/").setSameSiteMode("Lax").setSecure(secure);
    return cookie;
  }
}
