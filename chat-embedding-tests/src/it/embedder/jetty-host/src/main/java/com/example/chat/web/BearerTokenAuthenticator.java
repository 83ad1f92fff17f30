package com.example.chat.web;

import io.chatterlink.transport.websocket.HandshakeAuthenticator;
import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.UpgradeRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates a WebSocket upgrade with the application's own bearer token ({@code Authorization:
 * Bearer <token>}) instead of ChatterLink's session cookie.
 */
public final class BearerTokenAuthenticator implements HandshakeAuthenticator {
  private static final String SCHEME = "Bearer ";

  private final AppTokens tokens;

  public BearerTokenAuthenticator(AppTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Outcome authenticate(UpgradeRequest request) {
    Optional<AppTokens.Issued> token =
        request
            .header("Authorization")
            .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
            .map(value -> value.substring(SCHEME.length()).strip())
            .flatMap(tokens::find);
    if (token.isEmpty()) {
      return new Refused(HandshakeRefusal.NOT_AUTHENTICATED, "no valid bearer token");
    }
    // The socket lives as long as the token: the transport asks endedAmong about its id.
    return new Accepted(
        token.get().user(), new Revocation.Grant(token.get().id(), Optional.empty()));
  }

  /** Called every few seconds with the ids of the tokens of open sockets. */
  @Override
  public Set<String> endedAmong(Set<String> grantIds) {
    return grantIds.stream().filter(id -> !tokens.isValid(id)).collect(Collectors.toSet());
  }
}
