package io.chatterlink.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key read from (or just written to) a key file by {@link KeyFiles}. Its {@link #toString()}
 * never shows the key, so that logging the object cannot leak it.
 *
 * @param path the key file
 * @param key the key, stripped of surrounding whitespace; never empty
 * @param created true when this call generated the key and created the file: the caller should tell
 *     the operator to back it up
 * @param readableByOthers true when the file grants any permission beyond the owner's read and
 *     write (group or others may read it): the caller should advise {@code chmod 600}. Always false
 *     on file systems without POSIX permissions, where it cannot be known
 */
public record KeyFile(Path path, String key, boolean created, boolean readableByOthers) {
  /**
   * Creates the value.
   *
   * @param path the key file
   * @param key the key; not blank
   * @param created whether the key was generated now
   * @param readableByOthers whether the file's permissions are wider than 0600
   * @throws IllegalArgumentException if the key is blank
   */
  public KeyFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
  }

  /**
   * The file and the flags, without the key.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "KeyFile[path="
        + path
        + ", key=(hidden), created="
        + created
        + ", readableByOthers="
        + readableByOthers
        + "]";
  }
}
