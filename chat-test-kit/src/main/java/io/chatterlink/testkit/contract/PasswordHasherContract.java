package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link PasswordHasher} follows: the right password verifies and a wrong one does
 * not, every hash is salted, the hash never shows the password, and a hash it cannot parse is
 * simply a mismatch. Real hashers are slow on purpose, so these tests hash only a few times.
 */
public abstract class PasswordHasherContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected PasswordHasherContract() {}

  /** The hasher under test, fresh for each test. */
  protected PasswordHasher hasher;

  /**
   * A new hasher. Tests may configure it with cheaper parameters than production.
   *
   * @return the hasher under test
   */
  protected abstract PasswordHasher newHasher();

  @BeforeEach
  final void createHasher() {
    hasher = newHasher();
  }

  @Test
  void theRightPasswordVerifiesAndWrongOnesDoNot() {
    PasswordHash hash = hasher.hash("correct horse battery staple");

    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
    assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void everyHashIsSalted() {
    PasswordHash first = hasher.hash("same password");
    PasswordHash second = hasher.hash("same password");

    assertThat(first.encoded()).isNotEqualTo(second.encoded());
    assertThat(hasher.verify("same password", first)).isTrue();
    assertThat(hasher.verify("same password", second)).isTrue();
  }

  @Test
  void theHashDoesNotContainThePassword() {
    PasswordHash hash = hasher.hash("hunter2-hunter2");

    assertThat(hash.encoded()).doesNotContain("hunter2");
  }

  @Test
  void unicodeAndTheLongestPasswordsWork() {
    String unicode = "pässwörd 🙂 日本語";
    String longest = "p".repeat(Limits.MAX_PASSWORD_LENGTH - 1) + "!";

    PasswordHash unicodeHash = hasher.hash(unicode);
    PasswordHash longestHash = hasher.hash(longest);

    assertThat(hasher.verify(unicode, unicodeHash)).isTrue();
    assertThat(hasher.verify("pässwörd 🙂 日本", unicodeHash)).isFalse();
    assertThat(hasher.verify(longest, longestHash)).isTrue();
    assertThat(hasher.verify("p".repeat(Limits.MAX_PASSWORD_LENGTH), longestHash)).isFalse();
  }

  @Test
  void aHashThatCannotBeParsedIsAMismatchNotAnError() {
    for (String garbage : List.of("", "garbage", "$", "$$$$", "test-only$%%%$%%%", "$argon2id$")) {
      assertThat(hasher.verify("password", new PasswordHash(garbage))).as(garbage).isFalse();
    }
  }

  @Test
  void aHashWithAChangedCharacterNoLongerVerifies() {
    String encoded = hasher.hash("password").encoded();
    int last = encoded.length() - 2;
    char changed = encoded.charAt(last) == 'A' ? 'B' : 'A';
    String tampered = encoded.substring(0, last) + changed + encoded.substring(last + 1);

    assertThat(hasher.verify("password", new PasswordHash(tampered))).isFalse();
  }
}
