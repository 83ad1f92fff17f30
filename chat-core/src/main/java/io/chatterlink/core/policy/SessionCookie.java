package io.chatterlink.core.policy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.SessionToken;
import java.util.List;
import java.util.Optional;

/**
 * The session cookie's names and how a request presents it, shared by the HTTP API (which sets it)
 * and the WebSocket handshake (which reads it). A cookie that is {@code Secure} (the request came
 * over TLS, or the server is told it sits behind a TLS proxy) is named with the {@code __Host-}
 * prefix, so that browsers accept it only from this host, over TLS, for the whole site: a sibling
 * subdomain cannot plant one. When a request carries both names, the prefixed one wins.
 */
public final class SessionCookie {
  /** The name over plain HTTP. */
  public static final String NAME = "chatterlink_session";

  /** The name whenever the cookie is {@code Secure}. */
  public static final String SECURE_NAME = "__Host-" + NAME;

  private SessionCookie() {}

  /**
   * The name a cookie set with (or without) {@code Secure} carries.
   *
   * @param secure whether the cookie is set with {@code Secure}
   * @return {@link #SECURE_NAME} when secure, {@link #NAME} otherwise
   */
  public static String name(boolean secure) {
    return secure ? SECURE_NAME : NAME;
  }

  /**
   * The session token in a request's {@code Cookie} headers, if one is there and well formed.
   *
   * @param cookieHeaders every {@code Cookie} header of the request
   * @return the token of the {@code __Host-} cookie if there is one, else that of the plain one;
   *     empty when neither is present or well formed
   */
  public static Optional<SessionToken> fromHeaders(List<String> cookieHeaders) {
    Optional<String> secure = value(cookieHeaders, SECURE_NAME);
    return token(secure.isPresent() ? secure : value(cookieHeaders, NAME));
  }

  /**
   * A cookie value as a session token, if it is well formed.
   *
   * @param value the cookie's value, if the request had the cookie
   * @return the token; empty for a missing or malformed value (never an exception: a stale cookie
   *     is treated as no cookie)
   */
  public static Optional<SessionToken> token(Optional<String> value) {
    try {
      return value.map(SessionToken::new);
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> value(List<String> cookieHeaders, String name) {
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          return Optional.of(pair.substring(eq + 1).trim());
        }
      }
    }
    return Optional.empty();
  }
}
