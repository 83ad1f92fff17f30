package io.chatterlink.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key file cannot be used: it cannot be created, read, or holds no usable key. The message names
 * the file and the problem and never contains the key; {@link #problem()} tells the cases apart so
 * that a caller can word its own advice (for example, name the setting that overrides the file).
 */
public final class KeyFileException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the key file. */
  public enum Problem {
    /** The file is missing and may not be created (see {@link KeyFiles#load(Path)}). */
    MISSING,
    /** The file, or a folder above it, cannot be created (no POSIX file system, no permission). */
    CANNOT_CREATE,
    /** The file exists but cannot be read. */
    UNREADABLE,
    /** The file holds more than {@link KeyFiles#MAX_BYTES} bytes. */
    TOO_LARGE,
    /** The file holds only whitespace: the key was lost, and is never regenerated over the file. */
    EMPTY
  }

  /** Which case this is. */
  private final Problem problem;

  /** The file at fault; not serialized ({@link Path} is not serializable). */
  private final transient Path file;

  /**
   * Creates the exception.
   *
   * @param problem which case this is
   * @param file the key file at fault
   * @param message what is wrong and what to do; must not contain the key
   * @param cause the I/O failure behind it, if any; may be null
   */
  KeyFileException(Problem problem, Path file, String message, Throwable cause) {
    super(message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * Which case this is.
   *
   * @return the problem, never null
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The key file at fault.
   *
   * @return the path as it was given to {@link KeyFiles}
   */
  public Path file() {
    return file;
  }
}
