package io.chatterlink.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload body that must keep a minimum average pace once a grace period has passed, so that a
 * client trickling a byte now and then cannot hold an upload thread for hours. Pauses between bytes
 * are bounded separately, by a read timeout on the connection ({@code BlockingReadTimeoutHandler}),
 * so a read never waits longer than that.
 */
final class PacedInputStream extends FilterInputStream {
  private final long minBytesPerSecond;
  private final long graceNanos;
  private final long startedAt = System.nanoTime();
  private long bytes;

  PacedInputStream(InputStream body, long minBytesPerSecond, long graceNanos) {
    super(body);
    this.minBytesPerSecond = minBytesPerSecond;
    this.graceNanos = graceNanos;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    counted(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return counted(super.read(buffer, offset, length));
  }

  private int counted(int n) throws IOException {
    if (n > 0) {
      bytes += n;
    }
    long elapsed = System.nanoTime() - startedAt;
    if (n >= 0 && elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
      throw new BodyTooSlowException(
          "the upload arrived slower than " + minBytesPerSecond + " bytes per second");
    }
    return n;
  }

  /** The client sent its body too slowly; the connection is not worth keeping. */
  static final class BodyTooSlowException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooSlowException(String message) {
      super(message);
    }
  }
}
