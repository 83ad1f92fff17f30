package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
  private static final Argon2Settings CHEAP = Argon2Settings.testOnlyCheap();
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP);

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    PasswordHash hash = hasher.hash("correct horse battery staple");

    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void aHashIsAPhcStringThatCarriesItsParameters() {
    String encoded = hasher.hash("pässwörd 🔑").encoded();

    assertThat(encoded)
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(encoded).doesNotContain("pässwörd");
  }

  @Test
  void theProductionHasherUsesTheRecommendedParameters() {
    PasswordHasher production = ChatCrypto.passwordHasher();

    PasswordHash hash = production.hash("a long enough password");

    assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(production.verify("a long enough password", hash)).isTrue();
    assertThat(production.verify("a long enough passworD", hash)).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferByTheirSalt() {
    assertThat(hasher.hash("same password").encoded())
        .isNotEqualTo(hasher.hash("same password").encoded());
  }

  @Test
  void aHashIsVerifiedWithTheParametersStoredInItNotTheHashersOwn() {
    PasswordHash cheap = hasher.hash("password one");
    PasswordHasher stronger = ChatCrypto.passwordHasher(new Argon2Settings(256, 3, 2));

    assertThat(stronger.verify("password one", cheap)).isTrue();
    assertThat(stronger.hash("password one").encoded()).contains("$m=256,t=3,p=2$");
  }

  @Test
  void aHashMadeWithOtherParametersNeedsRehashing() {
    PasswordHasher stronger = ChatCrypto.passwordHasher(new Argon2Settings(256, 3, 1));

    assertThat(stronger.needsRehash(hasher.hash("pw12345678"))).isTrue();
    assertThat(stronger.needsRehash(stronger.hash("pw12345678"))).isFalse();
    assertThat(stronger.needsRehash(new PasswordHash("garbage"))).isTrue();
  }

  @Test
  void theArgon2ReferenceImplementationsKnownAnswersVerify() {
    // From the Argon2 reference implementation's src/test.c (github.com/P-H-C/phc-winner-argon2),
    // password "password", salt "somesalt", Argon2id version 1.3, one and two lanes.
    PasswordHash oneLane =
        new PasswordHash(
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");
    PasswordHash twoLanes =
        new PasswordHash(
            "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc");

    assertThat(hasher.verify("password", oneLane)).isTrue();
    assertThat(hasher.verify("password", twoLanes)).isTrue();
    assertThat(hasher.verify("passwore", oneLane)).isFalse();
  }

  @Test
  void unparseableOrOutOfBoundsHashesNeverVerify() {
    String valid = hasher.hash("password").encoded();
    String[] bad = {
      "",
      "garbage",
      valid.replace("argon2id", "argon2i"),
      valid.replace("v=19", "v=16"),
      valid.replace("m=64", "m=2000000"),
      valid.replace("t=1", "t=65"),
      valid.replace("p=1", "p=0"),
      valid.replace("m=64", "m=4"),
      valid.substring(0, valid.lastIndexOf('$') + 5),
      valid + "$extra",
      valid.replace("$m=", "$m=+"),
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$" + valid.substring(valid.lastIndexOf('$') + 1),
      "test-only$abc$def",
    };
    for (String encoded : bad) {
      assertThat(hasher.verify("password", new PasswordHash(encoded))).as(encoded).isFalse();
    }
    assertThat(hasher.verify("password", new PasswordHash(valid))).isTrue();
  }

  @Test
  void aPasswordOverTheLengthLimitIsRefusedBeforeHashing() {
    String longest = "x".repeat(Limits.MAX_PASSWORD_LENGTH);
    String tooLong = longest + "x";
    PasswordHash hash = hasher.hash(longest);

    assertThat(hasher.verify(longest, hash)).isTrue();
    assertThat(hasher.verify(tooLong, hash)).isFalse();
    assertThatThrownBy(() -> hasher.hash(tooLong))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(String.valueOf(Limits.MAX_PASSWORD_LENGTH))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xxxx"));
  }

  @Test
  void settingsOutsideTheirBoundsAreRejected() {
    int[][] invalid = {
      {7, 1, 1},
      {15, 1, 2},
      {Argon2Settings.MAX_MEMORY_KIB + 1, 1, 1},
      {64, 0, 1},
      {64, 65, 1},
      {64, 1, 0},
      {256, 1, 17},
    };
    for (int[] s : invalid) {
      assertThatThrownBy(() -> new Argon2Settings(s[0], s[1], s[2]))
          .as("m=%d t=%d p=%d", s[0], s[1], s[2])
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new Argon2Settings(Argon2Settings.MAX_MEMORY_KIB, 64, 16).memoryKiB())
        .isEqualTo(1 << 20);
  }

  @Test
  void hashAndSaltBytesAreNotSharedWithCallers() {
    Argon2Hash parsed = Argon2Hash.parse(hasher.hash("password").encoded()).orElseThrow();
    byte[] salt = parsed.salt();
    salt[0] ^= 1;

    assertThat(HexFormat.of().formatHex(parsed.salt()))
        .isNotEqualTo(HexFormat.of().formatHex(salt));
    assertThat(parsed.toString()).doesNotContain(HexFormat.of().formatHex(parsed.hash()));
  }

  @Test
  void noMoreHashesRunAtOnceThanTheLimit() throws Exception {
    int limit = 2;
    Argon2PasswordHasher bounded = new Argon2PasswordHasher(new Argon2Settings(2048, 1, 1), limit);
    int threads = 3 * limit;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String password = "password " + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return bounded.verify(password, bounded.hash(password));
                }));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(bounded.mostRunningAtOnce()).isBetween(1, limit);
    assertThat(Argon2PasswordHasher.MAX_CONCURRENT_HASHES).isEqualTo(4);
  }

  @Test
  void aHasherRunsOneHashPerCoreAtOnceAndNeverMoreThanFour() {
    assertThat(Argon2PasswordHasher.concurrentHashesFor(1)).isEqualTo(1);
    assertThat(Argon2PasswordHasher.concurrentHashesFor(2)).isEqualTo(2);
    assertThat(Argon2PasswordHasher.concurrentHashesFor(4)).isEqualTo(4);
    assertThat(Argon2PasswordHasher.concurrentHashesFor(64)).isEqualTo(4);
    assertThat(Argon2PasswordHasher.concurrentHashesFor(0)).isEqualTo(1);
  }

  @Test
  void aHasherAllowsAtLeastOneHashAtATime() {
    assertThatThrownBy(() -> new Argon2PasswordHasher(CHEAP, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
