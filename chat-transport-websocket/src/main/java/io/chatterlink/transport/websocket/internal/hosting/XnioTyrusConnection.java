package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.TransportSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.tyrus.core.CloseReasons;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.WebSocketEngine.UpgradeInfo;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Feeds the bytes of an upgraded XNIO connection to Tyrus. Bytes are read on the I/O thread but
 * handed to Tyrus on {@code readExecutor}: the endpoint calls the core, and a blocking send on an
 * I/O thread would deadlock. Reads pause while a chunk is handled, which keeps order and bounds
 * what one connection can buffer. A client frame that is not masked closes the connection with 1002
 * (RFC 6455 section 5.1), and one declaring more than the frame-size ceiling with 1009, before
 * Tyrus, which checks neither, sees it; the rest of such a frame is read and dropped, so that the
 * client reads the close frame instead of a reset.
 */
public final class XnioTyrusConnection {
  /** Bytes read from the socket at a time. */
  public static final int READ_CHUNK_BYTES = 16 * 1024;

  /** Reads of dropped bytes per readiness event: a client still blasting cannot hold the thread. */
  private static final int DISCARD_READS_PER_EVENT = 64;

  /** One read buffer per I/O thread: reads happen on I/O threads only, and the bytes are copied. */
  private static final ThreadLocal<ByteBuffer> READ_BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(READ_CHUNK_BYTES));

  private final StreamConnection stream;
  private final ConduitStreamSourceChannel source;
  private final Executor readExecutor;
  private final Connection tyrus;
  private final XnioWriter writer;
  // The ceiling, not the configured limit: frames between the two get 1009 from Tyrus itself.
  private final ClientFrameMasks masks =
      new ClientFrameMasks(TransportSettings.MAX_FRAME_BYTES_CEILING);
  // Set on the read executor once a frame is refused; then read on the I/O thread.
  private volatile boolean discarding;

  private XnioTyrusConnection(StreamConnection stream, UpgradeInfo upgrade, Executor readExecutor) {
    this.stream = stream;
    this.source = stream.getSourceChannel();
    this.readExecutor = readExecutor;
    this.writer = new XnioWriter(stream);
    stream.setCloseListener(closed -> writer.abort());
    this.tyrus =
        OpeningSocket.open(
            writer, () -> upgrade.createConnection(writer, reason -> writer.abort()));
  }

  public static void open(StreamConnection stream, UpgradeInfo upgrade, Executor readExecutor) {
    try {
      stream.setOption(Options.TCP_NODELAY, true);
    } catch (IOException | IllegalArgumentException e) {
      // Not every connection type has the option; latency suffers, correctness does not.
    }
    XnioTyrusConnection connection = new XnioTyrusConnection(stream, upgrade, readExecutor);
    connection.source.getReadSetter().set(channel -> connection.onReadable());
    connection.source.resumeReads();
  }

  private void onReadable() {
    if (discarding || writer.closing()) {
      discardAvailable();
      return;
    }
    ByteBuffer buffer = READ_BUFFER.get().clear();
    int read;
    try {
      read = source.read(buffer);
    } catch (IOException e) {
      read = -1;
    }
    if (read == 0) {
      return;
    }
    source.suspendReads();
    if (read < 0) {
      dispatch(this::onEndOfStream);
      return;
    }
    // Copied out at its size: a fresh 16 KiB buffer per read was most of the garbage an idle
    // connection made, and a frame is usually a few hundred bytes.
    ByteBuffer chunk = ByteBuffer.allocate(read).put(buffer.flip()).flip();
    dispatch(() -> handle(chunk));
  }

  /**
   * Once our close frame is queued, nothing the client sends matters: it is read and dropped here,
   * on the I/O thread, without the read executor (which a shutdown stops), until the client's FIN.
   * A socket closed with unread bytes answers with a reset, which can destroy the close frame and
   * the frames before it in the client's buffers; a drained one ends with a FIN.
   */
  private void discardAvailable() {
    try {
      ByteBuffer buffer = READ_BUFFER.get();
      int read;
      int reads = 0;
      do {
        read = source.read(buffer.clear());
      } while (read > 0 && ++reads < DISCARD_READS_PER_EVENT);
      if (read < 0) {
        IoUtils.safeClose(stream);
      }
    } catch (IOException e) {
      IoUtils.safeClose(stream);
    }
  }

  /** On the read executor, one chunk at a time and in order. */
  private void handle(ByteBuffer chunk) {
    try {
      if (!discarding) {
        parse(chunk);
      }
    } finally {
      if (stream.isOpen()) {
        source.resumeReads();
      }
    }
  }

  private void parse(ByteBuffer chunk) {
    Optional<ClientFrameMasks.Refused> refused = masks.firstRefused(chunk);
    if (refused.isEmpty()) {
      tyrus.getReadHandler().handle(chunk);
      return;
    }
    chunk.limit(chunk.position() + refused.get().offset());
    if (chunk.hasRemaining()) {
      tyrus.getReadHandler().handle(chunk);
    }
    // What follows is read and dropped until the client's FIN (at most XnioWriter's grace): a
    // socket closed with unread bytes answers with a reset, which can beat our close frame.
    discarding = true;
    tyrus.close(refused.get().reason());
  }

  private void onEndOfStream() {
    tyrus.close(CloseReasons.GOING_AWAY.getCloseReason());
    IoUtils.safeClose(stream);
  }

  private void dispatch(Runnable task) {
    try {
      readExecutor.execute(task);
    } catch (RejectedExecutionException e) {
      IoUtils.safeClose(stream);
    }
  }
}
