package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import com.macasaet.fernet.TokenExpiredException;
import com.macasaet.fernet.TokenValidationException;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MessageCipher} on Fernet with a key ring: the first key encrypts, every key decrypts.
 * Thread-safe: the keys and validator are immutable, and {@link SecureRandom} is thread-safe.
 */
final class FernetMessageCipher implements MessageCipher {
  private final List<Key> ring;
  private final List<KeyFingerprint> fingerprints;
  private final Key primary;
  private final Clock clock;
  private final SecureRandom random;
  private final FernetValidator validator;

  FernetMessageCipher(List<Key> ring, Clock clock, SecureRandom random, FernetValidator validator) {
    if (ring.isEmpty()) {
      throw new IllegalArgumentException("a key ring needs at least one key");
    }
    this.ring = List.copyOf(ring);
    this.fingerprints = this.ring.stream().map(FernetKeyFingerprints::of).toList();
    this.primary = this.ring.get(0);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** The production cipher: system clock and the at-rest validator (no practical TTL). */
  static FernetMessageCipher atRest(List<Key> ring, Clock clock) {
    return new FernetMessageCipher(ring, clock, new SecureRandom(), FernetValidator.atRest(clock));
  }

  @Override
  public EncryptedBody encrypt(String plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] iv = new byte[FernetTokens.IV_BYTES];
    random.nextBytes(iv);
    byte[] payload = plaintext.getBytes(StandardCharsets.UTF_8);
    return new EncryptedBody(
        FernetTokens.create(primary, clock.instant(), iv, payload).serialise(),
        Optional.of(fingerprints.get(0)));
  }

  @Override
  public String decrypt(EncryptedBody body) {
    Token token = parse(body).orElseThrow(() -> undecryptable("it is not a Fernet token"));
    // A sequential search rather than the library's Validator.validateAndDecrypt(Collection,
    // token),
    // which checks the same HMACs but with a parallel stream on the shared fork-join pool: for a
    // ring of one or two keys that saves nothing (CryptoBenchmark measures both) and would put
    // every history read on pool threads the rest of the server shares. Primary key first, since
    // most bodies are under it.
    Key signer =
        ring.stream()
            .filter(token::isValidSignature)
            .findFirst()
            .orElseThrow(
                () -> undecryptable("no key in FERNET_KEY verifies it (tampered or unknown key)"));
    try {
      return validator.validateAndDecrypt(signer, token);
    } catch (TokenExpiredException e) {
      throw undecryptable("it has expired");
    } catch (TokenValidationException e) {
      throw undecryptable("it failed validation (version, timestamp or padding)");
    }
  }

  @Override
  public boolean isCurrent(EncryptedBody body) {
    return parse(body).map(token -> token.isValidSignature(primary)).orElse(false);
  }

  @Override
  public List<KeyFingerprint> keyFingerprints() {
    return fingerprints;
  }

  @Override
  public Optional<KeyFingerprint> identifyKey(EncryptedBody body) {
    Optional<Token> token = parse(body);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < ring.size(); i++) {
      if (token.get().isValidSignature(ring.get(i))) {
        return Optional.of(fingerprints.get(i));
      }
    }
    return Optional.empty();
  }

  /** Parses the token's structure; empty when it is not base64url or has the wrong shape. */
  private static Optional<Token> parse(EncryptedBody body) {
    try {
      return Optional.of(Token.fromString(body.token()));
    } catch (IllegalArgumentException | DateTimeException e) {
      // IllegalArgumentException covers bad base64 and IllegalTokenException (wrong length, wrong
      // version, cipher text not whole AES blocks); DateTimeException a timestamp beyond Instant's
      // range.
      return Optional.empty();
    }
  }

  /** The message states why, never the token: exception messages end up in logs. */
  private static UndecryptableBodyException undecryptable(String reason) {
    return new UndecryptableBodyException("message body cannot be decrypted: " + reason);
  }
}
