package io.chatterlink.web;

import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.port.out.SingleUseTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Invite codes for {@link RegistrationMode#INVITE_ONLY}: {@code <expiry>.<nonce>.<signature>},
 * signed with HMAC-SHA256 under the invite secret, so no storage is needed to check one. A code
 * registers one account: it is claimed while the registration runs and kept as spent until it
 * expires, in {@link SingleUseTokens} by its SHA-256 digest (never the code itself). With the
 * database's store a code is spent once across every server process and across restarts. Spent
 * codes past their expiry are pruned at most once per {@link #PRUNE_INTERVAL} by each process.
 */
final class InviteCodes {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Random bytes in a nonce. */
  private static final int NONCE_BYTES = 12;

  /** Longest code accepted before any parsing. */
  private static final int MAX_CODE_LENGTH = 128;

  /** Least time between two prunes of expired spent codes by one process. */
  static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

  private final byte[] key;
  private final Duration lifetime;
  private final SingleUseTokens spent;
  private final Clock clock;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  InviteCodes(byte[] key, Duration lifetime, SingleUseTokens spent, Clock clock) {
    this.key = key.clone();
    this.lifetime = lifetime;
    this.spent = spent;
    this.clock = clock;
  }

  /** A key from the configured secret, or a random one when none is configured. */
  static byte[] keyFrom(java.util.Optional<String> secret) {
    if (secret.isPresent()) {
      return secret.get().getBytes(StandardCharsets.UTF_8);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return random;
  }

  /** A new invite and when it stops working. */
  Invite issue() {
    Instant expires = clock.instant().plus(lifetime);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    String payload = expires.getEpochSecond() + "." + B64.encodeToString(nonce);
    return new Invite(payload + "." + sign(payload), expires);
  }

  /**
   * Marks a valid code as spent and returns its digest; {@link #release} it if the registration
   * then fails.
   *
   * @throws ForbiddenException for a missing, forged, expired or already used code
   */
  String claim(String code) {
    String[] parts =
        code == null || code.length() > MAX_CODE_LENGTH ? new String[0] : code.split("\\.");
    if (parts.length != 3) {
      throw invalid();
    }
    String payload = parts[0] + "." + parts[1];
    if (!MessageDigest.isEqual(
        sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw invalid();
    }
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
    } catch (NumberFormatException e) {
      throw invalid();
    }
    Instant now = clock.instant();
    if (!now.isBefore(expires)) {
      throw invalid();
    }
    pruneIfDue(now);
    String digest = DeviceCookie.digest(code);
    if (!spent.spend(digest, expires, now)) {
      throw invalid();
    }
    return digest;
  }

  /** Makes a claimed code usable again (the registration it was claimed for failed). */
  void release(String digest) {
    spent.release(digest);
  }

  private void pruneIfDue(Instant now) {
    Instant last = lastPrune.get();
    if (Duration.between(last, now).compareTo(PRUNE_INTERVAL) >= 0
        && lastPrune.compareAndSet(last, now)) {
      spent.prune(now);
    }
  }

  private static ForbiddenException invalid() {
    return new ForbiddenException("a valid, unused invite code is required to register");
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /** An issued code. */
  record Invite(String code, Instant expiresAt) {}
}
