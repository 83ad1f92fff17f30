package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import io.chatterlink.testkit.contract.MessageCipherContract;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestOnlyCipherTest extends MessageCipherContract {
  @Override
  protected MessageCipher newCipher() {
    return InMemoryAdapters.testOnlyCipher();
  }

  @Override
  protected boolean encryptionIsRandomized() {
    return false;
  }

  @Test
  void tokensNameTheirVersionAndAreReadableByDesign() {
    EncryptedBody body = new TestOnlyCipher(2, Set.of()).encrypt("hi");

    assertThat(body.token()).startsWith("test-only:v2:aGk:");
  }

  @Test
  void aRotatedCipherReadsOldVersionsButDoesNotCallThemCurrent() {
    EncryptedBody old = new TestOnlyCipher(1, Set.of()).encrypt("from before the rotation");
    TestOnlyCipher rotated = new TestOnlyCipher(2, Set.of(1));

    assertThat(rotated.decrypt(old)).isEqualTo("from before the rotation");
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.isCurrent(rotated.encrypt("new"))).isTrue();
  }

  @Test
  void aVersionTheCipherWasNotGivenIsUndecryptable() {
    EncryptedBody fromTheFuture = new TestOnlyCipher(3, Set.of()).encrypt("later");
    TestOnlyCipher cipher = new TestOnlyCipher(2, Set.of(1));

    assertThatThrownBy(() -> cipher.decrypt(fromTheFuture))
        .isInstanceOf(UndecryptableBodyException.class);
    assertThat(cipher.isCurrent(fromTheFuture)).isFalse();
  }

  @Test
  void versionsMustBePositive() {
    assertThatThrownBy(() -> new TestOnlyCipher(0, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TestOnlyCipher(1, Set.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidUtf8InsideAWellFormedTokenIsUndecryptable() {
    // "_w" is base64url for the single byte 0xFF, which is never valid UTF-8.
    EncryptedBody forged = new EncryptedBody(withValidCheck("_w"));

    assertThatThrownBy(() -> new TestOnlyCipher().decrypt(forged))
        .isInstanceOf(UndecryptableBodyException.class)
        .hasMessageContaining("malformed");
  }

  /** A v1 token around {@code payload} whose check matches: anyone can forge one. */
  private static String withValidCheck(String payload) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("1:" + payload).getBytes(StandardCharsets.US_ASCII));
      return "test-only:v1:" + payload + ":" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
