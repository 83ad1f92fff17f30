package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.port.out.MessageCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A Fernet key's fingerprint: a labelled, truncated SHA-256 of the key, and nothing of the key. */
class FernetKeyFingerprintsTest {
  @Test
  void theFingerprintIsTheFirstEightBytesOfALabelledSha256OfTheKey() throws Exception {
    String key = ChatCrypto.generateKey();
    byte[] keyBytes = Base64.getUrlDecoder().decode(key);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("chatterlink fernet key fingerprint v1\n".getBytes(StandardCharsets.US_ASCII));
    String expected = HexFormat.of().formatHex(sha.digest(keyBytes), 0, 8);

    MessageCipher cipher = ChatCrypto.cipherFromSetting(key);

    assertThat(cipher.keyFingerprints()).containsExactly(new KeyFingerprint(expected));
    assertThat(expected).doesNotContain(HexFormat.of().formatHex(keyBytes, 0, 4));
  }

  @Test
  void aRingListsItsKeysFingerprintsPrimaryFirstAndIdentifiesTheOldKeysTokens() {
    String oldKey = ChatCrypto.generateKey();
    String newKey = ChatCrypto.generateKey();
    MessageCipher old = ChatCrypto.cipherFromSetting(oldKey);
    MessageCipher ring = ChatCrypto.cipherFromSetting(newKey + "," + oldKey);

    assertThat(ring.keyFingerprints())
        .containsExactly(
            ChatCrypto.cipherFromSetting(newKey).keyFingerprints().get(0),
            old.keyFingerprints().get(0));
    assertThat(ring.identifyKey(old.encrypt("under the old key")))
        .contains(old.keyFingerprints().get(0));
  }
}
