package io.chatterlink.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The device cookie of OWASP's "Slow down online guessing attacks with device cookies": a random
 * token a browser receives when it signs in, by which the login throttle recognises a device that
 * signed in to an account before ({@link LoginThrottle}). The server keeps only the token's SHA-256
 * digest, in the database, so every server process recognises it and no signing key has to be
 * shared between them. HttpOnly, {@code SameSite=Strict}, and {@code Secure} with the {@code
 * __Host-} prefix whenever the session cookie is {@code Secure}.
 */
final class DeviceCookie {
  static final String NAME = "chatterlink_device";
  static final String SECURE_NAME = "__Host-" + NAME;

  /** Random bytes in a device token (256 bits). */
  private static final int TOKEN_BYTES = 32;

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean alwaysSecure;
  private final Duration lifetime;

  DeviceCookie(boolean alwaysSecure, Duration lifetime) {
    this.alwaysSecure = alwaysSecure;
    this.lifetime = lifetime;
  }

  /** The well-formed device token the request presents, if any. */
  static Optional<String> token(HttpServerExchange exchange) {
    for (String name : new String[] {SECURE_NAME, NAME}) {
      Cookie cookie = exchange.getRequestCookie(name);
      if (cookie != null && cookie.getValue() != null) {
        if (WELL_FORMED.matcher(cookie.getValue()).matches()) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** A new random token. */
  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * What the server stores of a token (or of any text): its SHA-256 digest in hex, 64 characters.
   */
  static String digest(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Gives the browser {@code token}, kept for the trust lifetime. */
  void set(HttpServerExchange exchange, String token) {
    boolean secure = Cookies.secure(exchange, alwaysSecure);
    CookieImpl cookie = new CookieImpl(secure ? SECURE_NAME : NAME, token);
    cookie
        .setPath("/")
        .setHttpOnly(true)
        .setSameSiteMode("Strict")
        .setSecure(secure)
        .setMaxAge((int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds()));
    exchange.setResponseCookie(cookie);
  }
}
