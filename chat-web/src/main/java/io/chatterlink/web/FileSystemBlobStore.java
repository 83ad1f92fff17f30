package io.chatterlink.web;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.port.out.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Blobs as files in a directory: {@code <root>/files/<key>}, written to a temp file in {@code
 * <root>/tmp/} and then linked into place in one step, so a reader never sees part of a blob and a
 * key is never overwritten. Keys are checked by {@link BlobStore#requireValidKey} before they touch
 * a path, so none can leave the directory. Nothing here is served as static files.
 *
 * <p>Several server processes may share the directory (a network file system mounted on every
 * node): writes are atomic and deleting a file already deleted by another node is not an error.
 * Temp files of a write cut off by a crash stay in {@code tmp/}; chat-web's upload sweep deletes
 * them after a day.
 */
final class FileSystemBlobStore implements BlobStore {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path files;
  private final Path tmp;

  FileSystemBlobStore(Path root) {
    try {
      this.files = Files.createDirectories(root.resolve("files"));
      this.tmp = Files.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload directory " + root, e);
    }
  }

  @Override
  public long put(String key, InputStream content) throws IOException {
    Path target = path(key);
    if (Files.exists(target)) {
      throw exists();
    }
    Path temp;
    try {
      temp = Files.createTempFile(tmp, "blob-", ".part");
    } catch (IOException e) {
      throw unavailable("storing", e);
    }
    try {
      long size = copy(content, temp);
      publish(temp, target);
      return size;
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Copies; a failure to read {@code content} stays an IOException, one to write is ours. */
  private static long copy(InputStream content, Path temp) throws IOException {
    OutputStream out;
    try {
      out = Files.newOutputStream(temp);
    } catch (IOException e) {
      throw unavailable("storing", e);
    }
    long size = 0;
    try {
      byte[] buffer = new byte[BUFFER_BYTES];
      int n;
      while ((n = content.read(buffer)) >= 0) {
        write(out, buffer, n);
        size += n;
      }
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(out);
      throw e;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw unavailable("storing", e);
    }
    return size;
  }

  private static void write(OutputStream out, byte[] buffer, int length) {
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      throw unavailable("storing", e);
    }
  }

  /**
   * A hard link fails if the target exists, atomically, also between nodes; where links are not
   * supported, an atomic move after the check above (keys are unguessable, so only a bug could race
   * there).
   */
  private static void publish(Path temp, Path target) {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw exists();
    } catch (UnsupportedOperationException | IOException noLinks) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw unavailable("storing", e);
      }
    }
  }

  @Override
  public InputStream open(String key, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    Path path = path(key);
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        channel.position(offset);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      return Channels.newInputStream(channel);
    } catch (NoSuchFileException e) {
      throw notFound();
    } catch (IOException e) {
      throw unavailable("reading", e);
    }
  }

  @Override
  public long size(String key) {
    Path path = path(key);
    try {
      return Files.size(path);
    } catch (NoSuchFileException e) {
      throw notFound();
    } catch (IOException e) {
      throw unavailable("reading", e);
    }
  }

  @Override
  public boolean delete(String key) {
    Path path = path(key);
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw unavailable("deleting", e);
    }
  }

  private Path path(String key) {
    return files.resolve(BlobStore.requireValidKey(key));
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A leftover temp file is harmless: the upload sweep deletes old ones.
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // Already failing: the first failure is the one to report.
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("attachment not found");
  }

  private static ConflictException exists() {
    return new ConflictException("a blob with this key exists already");
  }

  private static UnavailableException unavailable(String what, IOException cause) {
    return new UnavailableException(what + " an upload failed: file storage is unavailable", cause);
  }
}
