package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * <strong>TEST ONLY — PROVIDES NO SECRECY AT ALL.</strong> A reversible encoding that stands in for
 * a real {@link MessageCipher} in tests: anyone can read a token, which is the point (a failing
 * test shows what was stored). Never configure it in a server that holds real messages.
 *
 * <p>Tokens look like {@code test-only:v2:<base64url of the UTF-8 text>:<check>}, where {@code
 * check} is a digest of the version and the payload, so that a changed token is detected as
 * tampering just as a real cipher detects it. Key versions stand in for keys, so that key rotation
 * can be tested without Fernet: a cipher writes under its primary version and reads every version
 * it was given. Encryption is deterministic (the same text gives the same token). Thread-safe and
 * immutable.
 */
public final class TestOnlyCipher implements MessageCipher {
  private static final String PREFIX = "test-only:v";
  private static final int CHECK_BYTES = 8;

  private final int primaryVersion;
  private final Set<Integer> readableVersions;

  /**
   * A cipher that writes under {@code primaryVersion} and reads it and {@code otherReadable}.
   *
   * @param primaryVersion a positive version number, the stand-in for the primary key
   * @param otherReadable further positive versions it can decrypt (older keys); may be empty
   * @throws IllegalArgumentException if a version is not positive
   */
  public TestOnlyCipher(int primaryVersion, Set<Integer> otherReadable) {
    TreeSet<Integer> readable = new TreeSet<>(otherReadable);
    readable.add(primaryVersion);
    if (readable.first() < 1) {
      throw new IllegalArgumentException("versions must be positive");
    }
    this.primaryVersion = primaryVersion;
    this.readableVersions = Set.copyOf(readable);
  }

  /** A cipher with version 1 as its only version. */
  public TestOnlyCipher() {
    this(1, Set.of());
  }

  @Override
  public EncryptedBody encrypt(String plaintext) {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
    return new EncryptedBody(
        PREFIX + primaryVersion + ":" + payload + ":" + check(primaryVersion, payload),
        Optional.of(fingerprint(primaryVersion)));
  }

  @Override
  public String decrypt(EncryptedBody body) {
    Parsed parsed = parse(body.token());
    if (!readableVersions.contains(parsed.version)) {
      throw new UndecryptableBodyException("body was made with a key version this cipher lacks");
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(parsed.payload);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new UndecryptableBodyException("body is malformed", e);
    }
  }

  @Override
  public boolean isCurrent(EncryptedBody body) {
    try {
      return parse(body.token()).version == primaryVersion;
    } catch (UndecryptableBodyException e) {
      return false;
    }
  }

  @Override
  public List<KeyFingerprint> keyFingerprints() {
    List<KeyFingerprint> fingerprints = new ArrayList<>();
    fingerprints.add(fingerprint(primaryVersion));
    new TreeSet<>(readableVersions)
        .stream().filter(v -> v != primaryVersion).forEach(v -> fingerprints.add(fingerprint(v)));
    return List.copyOf(fingerprints);
  }

  @Override
  public Optional<KeyFingerprint> identifyKey(EncryptedBody body) {
    try {
      int version = parse(body.token()).version;
      return readableVersions.contains(version)
          ? Optional.of(fingerprint(version))
          : Optional.empty();
    } catch (UndecryptableBodyException e) {
      return Optional.empty();
    }
  }

  /**
   * The stand-in fingerprint of a key version: a digest of the version, like a key's hash. Lets a
   * test compare {@link #keyFingerprints()} or {@link #identifyKey} with a version it knows.
   *
   * @param version a key version; any number gives a fingerprint, the same one every time
   * @return the fingerprint a {@code TestOnlyCipher} reports for {@code version}
   */
  public static KeyFingerprint fingerprint(int version) {
    return new KeyFingerprint(check(version, "test-only key"));
  }

  private static Parsed parse(String token) {
    if (!token.startsWith(PREFIX)) {
      throw new UndecryptableBodyException("body is not a test-only token");
    }
    String[] parts = token.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 3) {
      throw new UndecryptableBodyException("body is malformed");
    }
    int version;
    try {
      version = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      throw new UndecryptableBodyException("body has no valid key version", e);
    }
    byte[] expected = check(version, parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new UndecryptableBodyException("body was tampered with");
    }
    return new Parsed(version, parts[1]);
  }

  /** Detects changes, like a MAC would, but with no key: anyone can forge it. */
  private static String check(int version, String payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((version + ":" + payload).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, CHECK_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private record Parsed(int version, String payload) {}

  @Override
  public String toString() {
    return "TestOnlyCipher[v" + primaryVersion + ", reads " + readableVersions + "]";
  }
}
