package io.chatterlink.crypto;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.Token;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the message cipher on ~100-byte messages, and the cost of one production password
 * hash. Never part of {@code verify}; run with {@code ./mvnw -pl chat-crypto -Pbench test-compile
 * exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
  /** 100 ASCII characters, a typical chat line. */
  static final String MESSAGE = "x".repeat(64) + " the quick brown fox jumps over it!";

  private FernetMessageCipher cipher;
  private FernetMessageCipher rotatedRing;
  private List<Key> rotatedKeys;
  private FernetValidator validator;
  private EncryptedBody underPrimary;
  private EncryptedBody underOlderKey;
  private Key libraryKey;
  private Key oldLibraryKey;
  private SecureRandom random;
  private PasswordHasher productionHasher;
  private PasswordHash productionHash;

  /** Builds a one-key cipher, a two-key ring, the library's own keys and a production hasher. */
  @Setup
  public void setUp() {
    String oldKey = ChatCrypto.generateKey();
    String newKey = ChatCrypto.generateKey();
    Clock clock = Clock.systemUTC();
    cipher = FernetMessageCipher.atRest(FernetKeyRing.parse(oldKey), clock);
    rotatedKeys = FernetKeyRing.parse(newKey + "," + oldKey);
    rotatedRing = FernetMessageCipher.atRest(rotatedKeys, clock);
    validator = FernetValidator.atRest(clock);
    underPrimary = cipher.encrypt(MESSAGE);
    underOlderKey = cipher.encrypt(MESSAGE);
    libraryKey = new Key(newKey);
    oldLibraryKey = new Key(oldKey);
    random = new SecureRandom();
    productionHasher = ChatCrypto.passwordHasher();
    productionHash = productionHasher.hash("correct horse battery staple");
  }

  /** Encrypts one 100-byte message. */
  @Benchmark
  public EncryptedBody encrypt() {
    return cipher.encrypt(MESSAGE);
  }

  /** Decrypts one message under the primary key of a one-key ring. */
  @Benchmark
  public String decrypt() {
    return cipher.decrypt(underPrimary);
  }

  /**
   * Decrypts under the second key of a two-key ring (the rotation window), our sequential search.
   */
  @Benchmark
  public String decryptWithOlderKeyOfTwo() {
    return rotatedRing.decrypt(underOlderKey);
  }

  /** The same through the library's parallel-stream ring search, for comparison. */
  @Benchmark
  public String decryptWithOlderKeyOfTwoViaLibraryParallelSearch() {
    return Token.fromString(underOlderKey.token()).validateAndDecrypt(rotatedKeys, validator);
  }

  /**
   * Baseline: the library's own key and {@code Token.generate}, which look up AES and HMAC anew.
   */
  @Benchmark
  public String encryptViaLibraryKey() {
    return Token.generate(random, libraryKey, MESSAGE).serialise();
  }

  /** Baseline: the library's own key decrypting a token made under it. */
  @Benchmark
  public String decryptViaLibraryKey() {
    return Token.fromString(underPrimary.token()).validateAndDecrypt(oldLibraryKey, validator);
  }

  /** Verifies one password against a production-cost Argon2id hash. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public boolean verifyPasswordProductionCost() {
    return productionHasher.verify("correct horse battery staple", productionHash);
  }
}
