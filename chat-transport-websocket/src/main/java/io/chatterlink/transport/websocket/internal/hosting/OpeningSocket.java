package io.chatterlink.transport.websocket.internal.hosting;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands the writer of a socket we host to the endpoint Tyrus opens on it. Tyrus creates the
 * connection and calls {@code onOpen} synchronously, on the thread that asked for it, and offers no
 * other way from a {@code Session} to its socket; the writer is visible only during that call.
 */
public final class OpeningSocket {
  private static final ThreadLocal<XnioWriter> WRITER = new ThreadLocal<>();

  private OpeningSocket() {}

  /** Runs {@code opening} (which opens the endpoint) with {@code writer} visible to it. */
  public static <T> T open(XnioWriter writer, Supplier<T> opening) {
    WRITER.set(writer);
    try {
      return opening.get();
    } finally {
      WRITER.remove();
    }
  }

  /** The writer of the socket being opened on this thread; empty outside our own hosting. */
  public static Optional<XnioWriter> writer() {
    return Optional.ofNullable(WRITER.get());
  }
}
