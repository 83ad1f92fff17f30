package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The faster key must be indistinguishable from the library's own {@link Key}. */
class ThreadLocalCipherKeyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void itMakesExactlyTheTokensTheLibrarysKeyMakes() {
    Random random = new Random(20261128L);
    for (int i = 0; i < 200; i++) {
      byte[] keyBytes = new byte[32];
      byte[] iv = new byte[FernetTokens.IV_BYTES];
      byte[] payload = new byte[random.nextInt(100)];
      random.nextBytes(keyBytes);
      random.nextBytes(iv);
      random.nextBytes(payload);
      Instant timestamp = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE));

      String ours =
          FernetTokens.create(new ThreadLocalCipherKey(keyBytes), timestamp, iv, payload)
              .serialise();
      String library = FernetTokens.create(new Key(keyBytes), timestamp, iv, payload).serialise();

      assertThat(ours).as("case %d", i).isEqualTo(library);
    }
  }

  @Test
  void tokensCrossBetweenItAndTheLibrarysKeyBothWays() {
    String setting = ChatCrypto.generateKey();
    Key library = new Key(setting);
    Key ours = FernetKeyRing.parse(setting).get(0);
    FernetValidator validator = FernetValidator.atRest(Clock.fixed(NOW, ZoneOffset.UTC));
    byte[] text = "through both keys".getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[FernetTokens.IV_BYTES];

    Token byLibrary = Token.fromString(FernetTokens.create(library, NOW, iv, text).serialise());
    Token byUs = Token.fromString(FernetTokens.create(ours, NOW, iv, text).serialise());

    assertThat(ours).isInstanceOf(ThreadLocalCipherKey.class).isEqualTo(library);
    assertThat(byLibrary.validateAndDecrypt(ours, validator)).isEqualTo("through both keys");
    assertThat(byUs.validateAndDecrypt(library, validator)).isEqualTo("through both keys");
  }
}
