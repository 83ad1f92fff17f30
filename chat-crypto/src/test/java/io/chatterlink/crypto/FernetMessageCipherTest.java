package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.macasaet.fernet.Key;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.Test;

class FernetMessageCipherTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String KEY_A = ChatCrypto.generateKey();
  private static final String KEY_B = ChatCrypto.generateKey();

  private static MessageCipher cipherAt(Instant instant, String setting) {
    return FernetMessageCipher.atRest(
        FernetKeyRing.parse(setting), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aBodyDecryptsToTheTextThatWasEncrypted() {
    MessageCipher cipher = cipherAt(NOW, KEY_A);
    String text = "Grüße, 世界 — emoji 🎉 and a newline\n";

    EncryptedBody body = cipher.encrypt(text);

    assertThat(body.token()).doesNotContain("Grüße").startsWith("gAAAAA");
    assertThat(cipher.decrypt(body)).isEqualTo(text);
  }

  @Test
  void anEmptyTextRoundTrips() {
    MessageCipher cipher = cipherAt(NOW, KEY_A);

    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
  }

  @Test
  void encryptingTheSameTextTwiceGivesDifferentTokens() {
    MessageCipher cipher = cipherAt(NOW, KEY_A);

    assertThat(cipher.encrypt("same").token()).isNotEqualTo(cipher.encrypt("same").token());
  }

  @Test
  void aTokenStampsTheCipherClockInWholeSeconds() {
    MessageCipher cipher = cipherAt(NOW.plusMillis(900), KEY_A);

    byte[] raw = Base64.getUrlDecoder().decode(cipher.encrypt("x").token());

    assertThat(ByteBuffer.wrap(raw, 1, 8).getLong()).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void aBodyWrittenLongAgoStillDecrypts() {
    EncryptedBody old = cipherAt(NOW.minus(Duration.ofMinutes(3)), KEY_A).encrypt("old news");
    EncryptedBody ancient = cipherAt(NOW.minus(Duration.ofDays(3650)), KEY_A).encrypt("older");

    MessageCipher today = cipherAt(NOW, KEY_A);

    assertThat(today.decrypt(old)).isEqualTo("old news");
    assertThat(today.decrypt(ancient)).isEqualTo("older");
  }

  @Test
  void aBodyStampedAheadOfTheReadersClockStillDecrypts() {
    EncryptedBody fromAFastClock = cipherAt(NOW.plus(Duration.ofMinutes(10)), KEY_A).encrypt("hi");

    assertThat(cipherAt(NOW, KEY_A).decrypt(fromAFastClock)).isEqualTo("hi");
  }

  @Test
  void anOlderKeyInTheRingDecryptsButTheBodyIsNotCurrent() {
    EncryptedBody underA = cipherAt(NOW, KEY_A).encrypt("rotate me");

    MessageCipher rotated = cipherAt(NOW, KEY_B + "," + KEY_A);

    assertThat(rotated.decrypt(underA)).isEqualTo("rotate me");
    assertThat(rotated.isCurrent(underA)).isFalse();
  }

  @Test
  void afterReencryptionUnderTheNewPrimaryTheOldKeyCanBeDropped() {
    EncryptedBody underA = cipherAt(NOW, KEY_A).encrypt("rotate me");
    MessageCipher rotated = cipherAt(NOW, KEY_B + "," + KEY_A);

    EncryptedBody underB = rotated.encrypt(rotated.decrypt(underA));

    assertThat(rotated.isCurrent(underB)).isTrue();
    MessageCipher onlyB = cipherAt(NOW, KEY_B);
    assertThat(onlyB.decrypt(underB)).isEqualTo("rotate me");
    assertThat(onlyB.isCurrent(underB)).isTrue();
    assertThatThrownBy(() -> onlyB.decrypt(underA)).isInstanceOf(UndecryptableBodyException.class);
  }

  @Test
  void aBodyUnderAnUnknownKeyIsUndecryptableAndNotCurrent() {
    EncryptedBody underA = cipherAt(NOW, KEY_A).encrypt("secret");
    MessageCipher other = cipherAt(NOW, KEY_B);

    assertThatThrownBy(() -> other.decrypt(underA))
        .isInstanceOf(UndecryptableBodyException.class)
        .hasMessageContaining("no key");
    assertThat(other.isCurrent(underA)).isFalse();
  }

  @Test
  void everyTamperedByteMakesTheBodyUndecryptable() {
    MessageCipher cipher = cipherAt(NOW, KEY_A);
    byte[] raw = Base64.getUrlDecoder().decode(cipher.encrypt("do not touch").token());

    for (int i = 0; i < raw.length; i++) {
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      EncryptedBody body = new EncryptedBody(Base64.getUrlEncoder().encodeToString(tampered));
      assertThatThrownBy(() -> cipher.decrypt(body))
          .as("byte %d flipped", i)
          .isInstanceOf(UndecryptableBodyException.class);
    }
  }

  @Test
  void malformedBodiesAreUndecryptableAndTheirMessagesNeverQuoteTheToken() {
    MessageCipher cipher = cipherAt(NOW, KEY_A);
    String valid = cipher.encrypt("text").token();
    byte[] farFuture = Base64.getUrlDecoder().decode(valid);
    ByteBuffer.wrap(farFuture).putLong(1, Long.MAX_VALUE);
    List<String> malformed =
        List.of(
            "",
            "not a token at all",
            "%%%%" + valid.substring(4),
            valid.substring(0, 40),
            valid + "AAAA",
            Base64.getUrlEncoder().encodeToString(farFuture));

    for (String token : malformed) {
      assertThatThrownBy(() -> cipher.decrypt(new EncryptedBody(token)))
          .isInstanceOf(UndecryptableBodyException.class)
          .satisfies(
              e -> assertThat(e.getMessage()).doesNotContain(token.isEmpty() ? valid : token))
          .satisfies(e -> assertThat(e.getCause()).isNull());
      assertThat(cipher.isCurrent(new EncryptedBody(token))).isFalse();
    }
  }

  @Test
  void aCorrectlySignedTokenWhoseCipherTextIsNotWholeBlocksIsUndecryptable() {
    Key key = new Key(KEY_A);
    byte[] iv = new byte[FernetTokens.IV_BYTES];
    byte[] cipherText = new byte[17];
    byte[] hmac = key.sign(FernetTokens.VERSION, NOW, new IvParameterSpec(iv), cipherText);
    ByteBuffer raw = ByteBuffer.allocate(1 + 8 + iv.length + cipherText.length + hmac.length);
    raw.put(FernetTokens.VERSION).putLong(NOW.getEpochSecond()).put(iv).put(cipherText).put(hmac);
    EncryptedBody body = new EncryptedBody(Base64.getUrlEncoder().encodeToString(raw.array()));

    assertThatThrownBy(() -> cipherAt(NOW, KEY_A).decrypt(body))
        .isInstanceOf(UndecryptableBodyException.class)
        .hasMessageContaining("not a Fernet token");
  }

  @Test
  void oneCipherServesManyThreadsAtOnce() throws Exception {
    MessageCipher cipher = cipherAt(NOW, KEY_B + "," + KEY_A);
    MessageCipher oldCipher = cipherAt(NOW, KEY_A);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 200; i++) {
                String text = "thread " + thread + " message " + i;
                MessageCipher writer = i % 2 == 0 ? cipher : oldCipher;
                if (!cipher.decrypt(writer.encrypt(text)).equals(text)) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCipherNeedsAtLeastOneKey() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    List<Key> none = List.of();

    assertThatThrownBy(
            () ->
                new FernetMessageCipher(
                    none, clock, new SecureRandom(), FernetValidator.atRest(clock)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenNeedsASixteenByteIv() {
    Key key = new Key(KEY_A);

    assertThatThrownBy(() -> FernetTokens.create(key, NOW, new byte[15], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
