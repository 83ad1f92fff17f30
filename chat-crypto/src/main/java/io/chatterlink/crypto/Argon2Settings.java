package io.chatterlink.crypto;

/**
 * Cost parameters for Argon2id password hashes. Each hash stores the parameters it was made with,
 * so raising them later leaves existing hashes verifiable. The bounds apply to stored hashes too: a
 * hash claiming more than {@link #MAX_MEMORY_KIB} or {@link #MAX_ITERATIONS} never verifies, so a
 * tampered row cannot make a login burn gigabytes or minutes.
 *
 * @param memoryKiB memory per hash in KiB (1 KiB = 1024 bytes), from {@link #MIN_MEMORY_KIB} to
 *     {@link #MAX_MEMORY_KIB}
 * @param iterations passes over the memory, from 1 to {@link #MAX_ITERATIONS}
 * @param parallelism lanes, from 1 to {@link #MAX_PARALLELISM}; Bouncy Castle computes lanes one
 *     after another, so more lanes cost time without using more cores
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {
  /** Fewest KiB per hash: the Argon2 minimum for one lane is 8 KiB. */
  public static final int MIN_MEMORY_KIB = 8;

  /** Most KiB per hash accepted, in settings and in stored hashes (1 GiB). */
  public static final int MAX_MEMORY_KIB = 1 << 20;

  /** Most iterations accepted, in settings and in stored hashes. */
  public static final int MAX_ITERATIONS = 64;

  /** Most lanes accepted, in settings and in stored hashes. */
  public static final int MAX_PARALLELISM = 16;

  /**
   * Checks the bounds.
   *
   * @param memoryKiB memory per hash in KiB
   * @param iterations passes over the memory
   * @param parallelism lanes
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public Argon2Settings {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM);
    }
    if (memoryKiB < MIN_MEMORY_KIB * parallelism || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "memoryKiB must be " + MIN_MEMORY_KIB + " x parallelism.." + MAX_MEMORY_KIB);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
    }
  }

  /**
   * The production default, OWASP's first recommended Argon2id configuration: 19 MiB, 2 iterations,
   * 1 lane. One hash takes tens of milliseconds on a current server core.
   *
   * @return the settings for production
   */
  public static Argon2Settings recommended() {
    return new Argon2Settings(19 * 1024, 2, 1);
  }

  /**
   * <strong>Test only — far too cheap for real passwords.</strong> 64 KiB, 1 iteration, 1 lane: a
   * real Argon2id hash in well under a millisecond, for suites that register many users.
   *
   * @return settings for tests only
   */
  public static Argon2Settings testOnlyCheap() {
    return new Argon2Settings(64, 1, 1);
  }
}
