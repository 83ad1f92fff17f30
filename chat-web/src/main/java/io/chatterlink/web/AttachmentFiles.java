package io.chatterlink.web;

import io.chatterlink.core.error.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where attachment bytes live: {@code <uploadDir>/files/<key>} under server-generated keys (the
 * client's file name is never part of a path), and {@code <uploadDir>/tmp/} for uploads in flight,
 * on the same file system so that finishing an upload is an atomic rename. Nothing here is served
 * as static files: bytes go out only through the authorizing download endpoint.
 */
final class AttachmentFiles {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}(\\.thumb\\.png)?");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path files;
  private final Path tmp;

  AttachmentFiles(Path uploadDir) {
    try {
      this.files = Files.createDirectories(uploadDir.resolve("files"));
      this.tmp = Files.createDirectories(uploadDir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload directory " + uploadDir, e);
    }
  }

  /** A fresh, unguessable storage key. */
  static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String thumbnailKey(String key) {
    return key + ".thumb.png";
  }

  Path newTempFile() throws IOException {
    return Files.createTempFile(tmp, "upload-", ".part");
  }

  /** Moves a finished temp file to its final place in one step. */
  void publish(Path temp, String key) throws IOException {
    Files.move(temp, path(key), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The file of a key, which must be one of ours.
   *
   * @throws NotFoundException for a malformed key or a missing file
   */
  Path existing(String key) {
    Path path = path(key);
    if (!Files.isRegularFile(path)) {
      throw new NotFoundException("attachment not found");
    }
    return path;
  }

  void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover file is harmless: it has no attachment row and is never served.
    }
  }

  /** Deletes the file of a key if there is one; a malformed key names no file of ours. */
  void deleteKeyQuietly(String key) {
    if (KEY.matcher(key).matches()) {
      deleteQuietly(files.resolve(key));
    }
  }

  /**
   * Deletes temp files last changed more than {@code age} ago: uploads that a crash cut off.
   *
   * @return how many were deleted
   */
  int deleteTempFilesOlderThan(Duration age) {
    Instant cutoff = Instant.now().minus(age);
    int deleted = 0;
    try (Stream<Path> temps = Files.list(tmp)) {
      for (Path temp : (Iterable<Path>) temps::iterator) {
        if (isOlder(temp, cutoff)) {
          deleteQuietly(temp);
          deleted++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Tried again at the next sweep.
    }
    return deleted;
  }

  private static boolean isOlder(Path file, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      return false; // finished and moved away meanwhile
    }
  }

  private Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new NotFoundException("attachment not found");
    }
    return files.resolve(key);
  }
}
