package io.chatterlink.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Temp files of this process in {@code <uploadDir>/tmp/}: uploads while they stream in and are
 * checked, and thumbnails while they are drawn, before they go to the {@link
 * io.chatterlink.core.port.out.BlobStore}. The client's file name is never part of a path.
 */
final class UploadStaging {
  private final Path tmp;

  UploadStaging(Path uploadDir) {
    try {
      this.tmp = Files.createDirectories(uploadDir.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload directory " + uploadDir, e);
    }
  }

  Path newTempFile() throws IOException {
    return Files.createTempFile(tmp, "upload-", ".part");
  }

  void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover temp file is harmless: it is never served, and the sweep deletes old ones.
    }
  }

  /**
   * Deletes temp files last changed more than {@code age} ago: uploads (and blob writes of {@link
   * WebStores#filesIn}, which share the folder) that a crash cut off. Several nodes may sweep one
   * shared folder at once: a file another node deleted first is simply skipped.
   *
   * @return how many this call deleted
   */
  int deleteTempFilesOlderThan(Duration age) {
    Instant cutoff = Instant.now().minus(age);
    int deleted = 0;
    try (Stream<Path> temps = Files.list(tmp)) {
      for (Path temp : (Iterable<Path>) temps::iterator) {
        if (isOlder(temp, cutoff) && deletedQuietly(temp)) {
          deleted++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Tried again at the next sweep.
    }
    return deleted;
  }

  /** True if this call deleted the file; false if it was gone already or could not be deleted. */
  private static boolean deletedQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      return false; // tried again at the next sweep
    }
  }

  private static boolean isOlder(Path file, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      return false; // finished and moved away meanwhile
    }
  }
}
