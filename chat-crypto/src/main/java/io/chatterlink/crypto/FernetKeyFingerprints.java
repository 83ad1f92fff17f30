package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import io.chatterlink.core.model.KeyFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Fernet key's {@link KeyFingerprint}: the first 8 bytes of SHA-256 over a fixed label and the
 * key's 32 bytes (signing key, then encryption key). One-way: it tells keys apart and lets an
 * operator match a stored body to a key they hold, but reveals nothing that helps recover a key
 * (the key is 256 random bits; the label keeps the hash from matching any other use of the key).
 */
final class FernetKeyFingerprints {
  private static final byte[] LABEL =
      "chatterlink fernet key fingerprint v1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int BYTES = 8;

  private FernetKeyFingerprints() {}

  static KeyFingerprint of(Key key) {
    byte[] keyBytes = Base64.getUrlDecoder().decode(key.serialise());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(LABEL);
      byte[] digest = sha.digest(keyBytes);
      return new KeyFingerprint(HexFormat.of().formatHex(digest, 0, BYTES));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }
}
