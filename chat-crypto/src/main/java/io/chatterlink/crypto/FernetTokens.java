package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import java.time.Instant;
import javax.crypto.spec.IvParameterSpec;

/**
 * Makes Fernet tokens from an explicit timestamp and IV. The library's {@code Token.generate}
 * always reads the system clock, which would make the cipher untestable with a fixed clock and the
 * specification's "generate" vectors unreproducible.
 */
final class FernetTokens {
  static final byte VERSION = (byte) 0x80;
  static final int IV_BYTES = 16;

  private FernetTokens() {}

  /**
   * Encrypts {@code payload} under {@code key}. The timestamp is truncated to whole seconds, as the
   * format stores; {@code iv} must be 16 fresh random bytes (except in specification tests).
   */
  static Token create(Key key, Instant timestamp, byte[] iv, byte[] payload) {
    if (iv.length != IV_BYTES) {
      throw new IllegalArgumentException("a Fernet IV is " + IV_BYTES + " bytes");
    }
    Instant seconds = Instant.ofEpochSecond(timestamp.getEpochSecond());
    IvParameterSpec ivSpec = new IvParameterSpec(iv);
    byte[] cipherText = key.encrypt(payload, ivSpec);
    byte[] hmac = key.sign(VERSION, seconds, ivSpec, cipherText);
    // Token's constructor is protected; an empty anonymous subclass is the only way to build one
    // from parts.
    return new Token(VERSION, seconds, ivSpec, cipherText, hmac) {};
  }
}
