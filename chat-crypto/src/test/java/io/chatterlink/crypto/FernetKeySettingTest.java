package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FernetKeySettingTest {
  private static final String KEY_A = ChatCrypto.generateKey();
  private static final String KEY_B = ChatCrypto.generateKey();

  @Test
  void aGeneratedKeyIsThirtyTwoRandomBytesInUrlSafeBase64() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String key = ChatCrypto.generateKey();
      assertThat(key).hasSize(44).matches("[A-Za-z0-9_-]{43}=");
      assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
      keys.add(key);
    }
    assertThat(keys).hasSize(20);
  }

  @Test
  void aSingleKeySettingMakesAWorkingCipher() {
    MessageCipher cipher = ChatCrypto.cipherFromSetting(KEY_A);

    EncryptedBody body = cipher.encrypt("hello");

    assertThat(cipher.decrypt(body)).isEqualTo("hello");
    assertThat(cipher.isCurrent(body)).isTrue();
  }

  @Test
  void theFirstKeyOfAListIsThePrimaryAndSpacesAroundKeysAreIgnored() {
    MessageCipher ring = ChatCrypto.cipherFromSetting("  " + KEY_B + " ,\t" + KEY_A + "\n");

    EncryptedBody body = ring.encrypt("hello");

    assertThat(ChatCrypto.cipherFromSetting(KEY_B).isCurrent(body)).isTrue();
    assertThat(ChatCrypto.cipherFromSetting(KEY_A).isCurrent(body)).isFalse();
  }

  @Test
  void aKeyWithoutItsBase64PaddingIsAccepted() {
    String unpadded = KEY_A.substring(0, 43);

    EncryptedBody body = ChatCrypto.cipherFromSetting(unpadded).encrypt("hi");

    assertThat(ChatCrypto.cipherFromSetting(KEY_A).decrypt(body)).isEqualTo("hi");
  }

  @Test
  void aMissingOrBlankSettingIsAnErrorThatNamesTheSetting() {
    for (String setting : new String[] {null, "", "   ", "\n"}) {
      assertThatThrownBy(() -> ChatCrypto.cipherFromSetting(setting))
          .isInstanceOf(CryptoConfigurationException.class)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FERNET_KEY is not set");
    }
  }

  @Test
  void aMalformedKeyIsNamedByPositionAndItsValueIsNeverShown() {
    String standardBase64 = KEY_A.replace('-', '+').replace('_', '/');
    String notBase64 =
        standardBase64.contains("+") || standardBase64.contains("/")
            ? standardBase64
            : "###" + KEY_A.substring(3);
    String tooShort = Base64.getUrlEncoder().encodeToString(new byte[16]);

    assertRejected(notBase64, "the 1st key is not URL-safe base64", notBase64);
    assertRejected(KEY_A + "," + tooShort, "the 2nd key decodes to 16 bytes", tooShort);
    assertRejected(KEY_A + "," + KEY_B + ",", "the 3rd key is empty", KEY_A);
    assertRejected(KEY_A + ", ," + KEY_B, "the 2nd key is empty", KEY_B);
    assertRejected(KEY_B + "," + KEY_A + "," + KEY_B, "the 3rd key repeats the 1st key", KEY_B);
    String unpaddedB = KEY_B.substring(0, 43);
    assertRejected(KEY_B + "," + unpaddedB, "the 2nd key repeats the 1st key", unpaddedB);
  }

  @Test
  void aRingHoldsAtMostSixteenKeys() {
    StringBuilder setting = new StringBuilder(ChatCrypto.generateKey());
    for (int i = 1; i < FernetKeyRing.MAX_KEYS; i++) {
      setting.append(',').append(ChatCrypto.generateKey());
    }
    assertThat(ChatCrypto.cipherFromSetting(setting.toString())).isNotNull();

    String oneTooMany = setting + "," + ChatCrypto.generateKey();

    assertThatThrownBy(() -> ChatCrypto.cipherFromSetting(oneTooMany))
        .isInstanceOf(CryptoConfigurationException.class)
        .hasMessageContaining("FERNET_KEY holds 17 keys; at most 16");
  }

  @Test
  void ordinalsReadAsEnglish() {
    assertThat(
            IntStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)
                .mapToObj(FernetKeyRing::ordinal)
                .toList())
        .containsExactly(
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
            "111th");
  }

  private static void assertRejected(String setting, String expectedProblem, String secret) {
    assertThatThrownBy(() -> ChatCrypto.cipherFromSetting(setting))
        .isInstanceOf(CryptoConfigurationException.class)
        .hasMessageContaining("FERNET_KEY")
        .hasMessageContaining(expectedProblem)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.substring(0, 12)));
  }
}
