package io.chatterlink.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body that counts the bytes read through it, so a refused upload knows how much of the
 * body is behind it. The body is opened on the first read only: a request refused before (by its
 * declared size, say) never asks for its body.
 */
final class CountingInputStream extends InputStream {
  private final Supplier<InputStream> opener;
  private InputStream body;
  private long count;

  CountingInputStream(Supplier<InputStream> opener) {
    this.opener = opener;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = body().read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = body().read(buffer, offset, length);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return body == null ? 0 : body.available();
  }

  @Override
  public void close() throws IOException {
    if (body != null) {
      body.close();
    }
  }

  private InputStream body() {
    if (body == null) {
      body = opener.get();
    }
    return body;
  }
}
