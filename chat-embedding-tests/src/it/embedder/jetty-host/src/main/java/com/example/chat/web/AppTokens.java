package com.example.chat.web;

import io.chatterlink.core.model.UserId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's own login, reduced to its essence: bearer tokens it issues to its users and may
 * revoke. Each token has an id, which is what ChatterLink's transport is told (never the token).
 */
public final class AppTokens {
  /** An issued token: its public id, its secret, its user. */
  public record Issued(String id, String secret, UserId user) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Issued> bySecret = new ConcurrentHashMap<>();

  /** A new token for {@code user}. */
  public Issued issue(UserId user) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Issued issued =
        new Issued(
            UUID.randomUUID().toString(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
            user);
    bySecret.put(issued.secret(), issued);
    return issued;
  }

  /** The token with this secret, if it is valid. */
  public Optional<Issued> find(String secret) {
    return Optional.ofNullable(bySecret.get(secret));
  }

  /** Whether the token with this id is still valid. */
  public boolean isValid(String id) {
    return bySecret.values().stream().anyMatch(issued -> issued.id().equals(id));
  }

  /** Ends a token: the sockets opened with it close. */
  public void revoke(Issued issued) {
    bySecret.remove(issued.secret());
  }
}
