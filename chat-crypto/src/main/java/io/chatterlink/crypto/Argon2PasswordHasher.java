package io.chatterlink.crypto;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@link PasswordHasher} with Argon2id (Bouncy Castle). New hashes use this hasher's settings;
 * verification uses the settings stored in each hash, so settings can be raised without locking
 * anyone out. Thread-safe: every call has its own generator.
 *
 * <p>Each hash allocates its whole Argon2 memory on the Java heap (19 MiB at the recommended
 * settings), so at most as many run at once as there are cores, and never more than {@link
 * #MAX_CONCURRENT_HASHES}; further callers wait their turn: a burst of logins then costs latency
 * instead of an {@link OutOfMemoryError}, and the heap a burst needs stays proportional to the
 * machine (38 MiB on two cores). Running more at once than there are cores would not finish them
 * sooner anyway.
 */
final class Argon2PasswordHasher implements PasswordHasher {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  /** Most hashes computed at the same time by one hasher (76 MiB at the recommended settings). */
  static final int MAX_CONCURRENT_HASHES = 4;

  private final Argon2Settings settings;
  private final SecureRandom random = new SecureRandom();
  private final Semaphore permits;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();

  Argon2PasswordHasher(Argon2Settings settings) {
    this(settings, concurrentHashesFor(Runtime.getRuntime().availableProcessors()));
  }

  /** Hashes run at once on a machine with {@code cores} cores: one per core, at most 4. */
  static int concurrentHashesFor(int cores) {
    return Math.max(1, Math.min(cores, MAX_CONCURRENT_HASHES));
  }

  Argon2PasswordHasher(Argon2Settings settings, int maxConcurrentHashes) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (maxConcurrentHashes < 1) {
      throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
    }
    this.permits = new Semaphore(maxConcurrentHashes, true);
  }

  /**
   * Hashes with a fresh 16-byte salt.
   *
   * @throws InvalidInputException if the password is longer than {@link
   *     Limits#MAX_PASSWORD_LENGTH}, checked before any hashing work
   */
  @Override
  public PasswordHash hash(String password) {
    Objects.requireNonNull(password, "password");
    if (password.length() > Limits.MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password must have at most " + Limits.MAX_PASSWORD_LENGTH + " characters");
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, settings, salt, HASH_BYTES);
    return new PasswordHash(new Argon2Hash(settings, salt, hash).encode());
  }

  /**
   * False for a wrong password, a password over the length limit (without hashing it), and any hash
   * this hasher cannot parse.
   */
  @Override
  public boolean verify(String password, PasswordHash stored) {
    if (password == null || password.length() > Limits.MAX_PASSWORD_LENGTH) {
      return false;
    }
    return Argon2Hash.parse(stored.encoded())
        .map(
            parsed -> {
              byte[] expected = parsed.hash();
              byte[] actual = derive(password, parsed.settings(), parsed.salt(), expected.length);
              return MessageDigest.isEqual(expected, actual);
            })
        .orElse(false);
  }

  /**
   * True when the stored hash was made with other settings than this hasher's (raised or lowered
   * since), or is not an Argon2id hash this hasher can read.
   */
  @Override
  public boolean needsRehash(PasswordHash stored) {
    return Argon2Hash.parse(stored.encoded()).map(h -> !h.settings().equals(settings)).orElse(true);
  }

  /** The most hashes this hasher has had running at the same time; lets tests see the bound. */
  int mostRunningAtOnce() {
    return mostRunning.get();
  }

  private byte[] derive(String password, Argon2Settings settings, byte[] salt, int length) {
    permits.acquireUninterruptibly();
    try {
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      return argon2id(password, settings, salt, length);
    } finally {
      running.decrementAndGet();
      permits.release();
    }
  }

  private static byte[] argon2id(
      String password, Argon2Settings settings, byte[] salt, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(settings.memoryKiB())
            .withIterations(settings.iterations())
            .withParallelism(settings.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(passwordBytes, out);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
    return out;
  }
}
