package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a client presents to prove a session (the cookie value). It carries 256 random bits
 * and is never stored: only its digest, the {@link SessionId}, is.
 *
 * @param secret URL-safe base64 without padding; never logged ({@link #toString()} hides it)
 */
public record SessionToken(String secret) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  /**
   * Checks the length (22 to 128 characters); the alphabet is not checked, an unknown token simply
   * finds no session.
   *
   * @param secret the token as the client sent it
   * @throws InvalidInputException if the token is missing or of a length no token of ours has
   */
  public SessionToken {
    if (secret == null || secret.length() < 22 || secret.length() > 128) {
      throw new InvalidInputException("session token is malformed");
    }
  }

  /**
   * A fresh token with 256 bits from a {@link SecureRandom}.
   *
   * @return a new token, 43 characters of URL-safe base64
   */
  public static SessionToken random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * The id under which the session is stored.
   *
   * @return the SHA-256 digest of the secret, as lowercase hex
   */
  public SessionId id() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return new SessionId(
          HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SessionToken[hidden]";
  }
}
