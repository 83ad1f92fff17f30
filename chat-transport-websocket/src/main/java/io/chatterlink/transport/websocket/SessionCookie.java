package io.chatterlink.transport.websocket;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.SessionToken;
import java.util.List;
import java.util.Optional;

/** Reads the {@code chatterlink_session} cookie from the upgrade request's Cookie headers. */
final class SessionCookie {
  /** The cookie the web module sets at login. */
  static final String NAME = "chatterlink_session";

  private SessionCookie() {}

  static Optional<SessionToken> read(List<String> cookieHeaders) {
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(NAME)) {
          return token(pair.substring(eq + 1).trim());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<SessionToken> token(String value) {
    try {
      return Optional.of(new SessionToken(value));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }
}
