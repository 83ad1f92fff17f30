package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link MessageCipher} follows: bodies round-trip exactly (any Unicode, up to the
 * longest message), tampering and garbage are reported as {@link UndecryptableBodyException}, and
 * {@link MessageCipher#isCurrent} recognises the cipher's own fresh output.
 */
public abstract class MessageCipherContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected MessageCipherContract() {}

  /** The cipher under test, fresh for each test. */
  protected MessageCipher cipher;

  /**
   * A new cipher with a primary key (or key version) of its own.
   *
   * @return the cipher under test
   */
  protected abstract MessageCipher newCipher();

  /**
   * Whether encrypting the same text twice gives different tokens (true for Fernet, whose tokens
   * carry a random IV). A deterministic cipher overrides this to return false; the contract then
   * checks that it really is deterministic.
   *
   * @return whether two encryptions of one text differ (true unless overridden)
   */
  protected boolean encryptionIsRandomized() {
    return true;
  }

  @BeforeEach
  final void createCipher() {
    cipher = newCipher();
  }

  @Test
  void bodiesRoundTripExactly() {
    List<String> texts =
        List.of(
            "hello",
            "",
            " leading and trailing spaces ",
            "line one\nline two\ttabbed",
            "Grüße, Ελληνικά, русский, 日本語, עברית, العربية",
            "emoji 🙂👍🏽👩‍👩‍👧 and flags 🇩🇪🇯🇵",
            "combining: e\u0301 vs \u00e9",
            "{\"json\": \"<b>not html</b>\"} ' \" \\ %s");

    for (String text : texts) {
      assertThat(cipher.decrypt(cipher.encrypt(text))).isEqualTo(text);
    }
  }

  @Test
  void theLongestMessageRoundTrips() {
    String emoji = "🙂a".repeat(Limits.MAX_MESSAGE_LENGTH / 3);
    String longest = emoji + "z".repeat(Limits.MAX_MESSAGE_LENGTH - emoji.length());
    assertThat(longest).hasSize(Limits.MAX_MESSAGE_LENGTH);
    String ascii = "x".repeat(Limits.MAX_MESSAGE_LENGTH);

    assertThat(cipher.decrypt(cipher.encrypt(longest))).isEqualTo(longest);
    assertThat(cipher.decrypt(cipher.encrypt(ascii))).isEqualTo(ascii);
  }

  @Test
  void theTokenDoesNotShowThePlaintext() {
    EncryptedBody body = cipher.encrypt("attack at dawn");

    assertThat(body.token()).doesNotContain("attack at dawn");
  }

  @Test
  void aTokenChangedAnywhereIsDetected() {
    String token = cipher.encrypt("do not touch").token();

    // Not the last characters: in base64 they may carry padding bits that decoders ignore.
    int n = token.length();
    for (int position : List.of(0, n / 4, n / 2, 3 * n / 4)) {
      String tampered = replaceCharAt(token, position);
      assertThatThrownBy(() -> cipher.decrypt(new EncryptedBody(tampered)))
          .as("tampered at %d", position)
          .isInstanceOf(UndecryptableBodyException.class);
    }
  }

  @Test
  void aTruncatedOrExtendedTokenIsDetected() {
    String token = cipher.encrypt("do not cut").token();

    for (String changed : List.of(token.substring(0, token.length() - 4), token + "AAAA")) {
      assertThatThrownBy(() -> cipher.decrypt(new EncryptedBody(changed)))
          .isInstanceOf(UndecryptableBodyException.class);
    }
  }

  @Test
  void garbageIsUndecryptableAndNotCurrent() {
    for (String garbage : List.of("", "garbage", "gAAAAA", "test-only:v1:", "🙂🙂🙂🙂")) {
      EncryptedBody body = new EncryptedBody(garbage);
      assertThatThrownBy(() -> cipher.decrypt(body)).isInstanceOf(UndecryptableBodyException.class);
      assertThat(cipher.isCurrent(body)).isFalse();
    }
  }

  @Test
  void theExceptionForATamperedTokenDoesNotQuoteTheToken() {
    String tampered = replaceCharAt(cipher.encrypt("quiet").token(), 10);

    assertThatThrownBy(() -> cipher.decrypt(new EncryptedBody(tampered)))
        .isInstanceOf(UndecryptableBodyException.class)
        .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(tampered));
  }

  @Test
  void aFreshBodyCarriesThePrimaryKeysFingerprintAndIsIdentifiedByIt() {
    EncryptedBody body = cipher.encrypt("whose key?");

    assertThat(cipher.keyFingerprints()).isNotEmpty().doesNotHaveDuplicates();
    assertThat(body.key()).contains(cipher.keyFingerprints().get(0));
    assertThat(cipher.identifyKey(new EncryptedBody(body.token()))).isEqualTo(body.key());
  }

  @Test
  void aTamperedOrForeignTokenIsIdentifiedAsNoKeys() {
    String token = cipher.encrypt("do not touch").token();
    MessageCipher stranger = newCipher();

    assertThat(cipher.identifyKey(new EncryptedBody(replaceCharAt(token, token.length() / 2))))
        .isEmpty();
    assertThat(cipher.identifyKey(new EncryptedBody("garbage"))).isEmpty();
    if (!stranger.keyFingerprints().equals(cipher.keyFingerprints())) {
      assertThat(stranger.identifyKey(new EncryptedBody(token))).isEmpty();
    }
  }

  @Test
  void aFreshTokenIsCurrent() {
    assertThat(cipher.isCurrent(cipher.encrypt("fresh"))).isTrue();
  }

  @Test
  void encryptingTheSameTextTwiceIsRandomizedOrNotAsDeclared() {
    EncryptedBody first = cipher.encrypt("same text");
    EncryptedBody second = cipher.encrypt("same text");

    if (encryptionIsRandomized()) {
      assertThat(first).isNotEqualTo(second);
    } else {
      assertThat(first).isEqualTo(second);
    }
    assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo("same text");
  }

  @Test
  void oneCipherServesManyThreadsAtOnce() {
    List<Boolean> allRoundTripped =
        Concurrently.run(
            4,
            t -> {
              for (int i = 0; i < 50; i++) {
                String text = "thread " + t + " message " + i;
                if (!cipher.decrypt(cipher.encrypt(text)).equals(text)) {
                  return false;
                }
              }
              return true;
            });

    assertThat(allRoundTripped).containsOnly(true);
  }

  /** The token with the character at {@code position} replaced by another token character. */
  private static String replaceCharAt(String token, int position) {
    char original = token.charAt(position);
    char replacement = original == 'A' ? 'B' : 'A';
    return token.substring(0, position) + replacement + token.substring(position + 1);
  }
}
