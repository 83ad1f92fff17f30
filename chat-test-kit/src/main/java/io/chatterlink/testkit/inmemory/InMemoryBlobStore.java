package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.port.out.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs as byte arrays in a map: for tests and for trying ChatterLink out. Everything is held in
 * this process's memory, so it suits small files and one process only.
 */
final class InMemoryBlobStore implements BlobStore {
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  @Override
  public long put(String key, InputStream content) throws IOException {
    BlobStore.requireValidKey(key);
    if (blobs.containsKey(key)) {
      throw exists();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    content.transferTo(bytes);
    if (blobs.putIfAbsent(key, bytes.toByteArray()) != null) {
      throw exists();
    }
    return bytes.size();
  }

  @Override
  public InputStream open(String key, long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    byte[] bytes = existing(key);
    int from = (int) Math.min(offset, bytes.length);
    return new ByteArrayInputStream(bytes, from, bytes.length - from);
  }

  @Override
  public long size(String key) {
    return existing(key).length;
  }

  @Override
  public boolean delete(String key) {
    return blobs.remove(BlobStore.requireValidKey(key)) != null;
  }

  private byte[] existing(String key) {
    byte[] bytes = blobs.get(BlobStore.requireValidKey(key));
    if (bytes == null) {
      throw new NotFoundException("blob not found");
    }
    return bytes;
  }

  private static ConflictException exists() {
    return new ConflictException("a blob with this key exists already");
  }
}
