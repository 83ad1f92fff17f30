package io.chatterlink.transport.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;

/**
 * Tyrus's writer on an XNIO connection. XNIO sink channels are not thread-safe and Tyrus writes
 * from any thread, so writes are queued under a lock and flushed without blocking: what the socket
 * does not take now is written when it becomes writable. Completion handlers run outside the lock.
 */
final class XnioWriter extends Writer {
  /** How long a close frame may wait for a client that does not read before the socket is cut. */
  static final long CLOSE_FLUSH_SECONDS = 3;

  private final StreamConnection connection;
  private final ConduitStreamSinkChannel sink;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private boolean closeRequested;
  private boolean broken;

  private record Pending(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler) {}

  XnioWriter(StreamConnection connection) {
    this.connection = connection;
    this.sink = connection.getSinkChannel();
    sink.getWriteSetter().set(channel -> complete(flushAndCollect()));
  }

  @Override
  public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler) {
    boolean refused;
    synchronized (this) {
      refused = broken || closeRequested;
      if (!refused) {
        pending.add(new Pending(buffer, handler));
      }
    }
    if (refused) {
      handler.failed(new IOException("connection closed"));
      return;
    }
    complete(flushAndCollect());
  }

  @Override
  public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler, WriterInfo info) {
    write(buffer, handler);
    if (info != null && info.getMessageType() == WriterInfo.MessageType.CLOSE) {
      cutAfterGrace();
    }
  }

  /** Tyrus is done with the socket: close it once the queued bytes are out. */
  @Override
  public void close() {
    synchronized (this) {
      closeRequested = true;
    }
    complete(flushAndCollect());
    cutAfterGrace();
  }

  private void cutAfterGrace() {
    try {
      connection.getIoThread().executeAfter(this::abort, CLOSE_FLUSH_SECONDS, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      abort(); // the server is stopping: no time left to wait
    }
  }

  /** Cuts the connection and fails what is still queued, so that no sender waits forever. */
  void abort() {
    List<Pending> failed;
    synchronized (this) {
      broken = true;
      failed = new ArrayList<>(pending);
      pending.clear();
    }
    IoUtils.safeClose(connection);
    IOException closed = new IOException("connection closed");
    failed.forEach(p -> p.handler().failed(closed));
  }

  /** Writes what the socket takes; returns the writes that finished, to be completed unlocked. */
  private synchronized List<Pending> flushAndCollect() {
    List<Pending> done = new ArrayList<>();
    if (broken) {
      return done;
    }
    try {
      while (!pending.isEmpty()) {
        Pending p = pending.peek();
        sink.write(p.buffer());
        if (p.buffer().hasRemaining()) {
          sink.resumeWrites();
          return done;
        }
        done.add(pending.poll());
      }
      if (!sink.flush()) {
        sink.resumeWrites();
        return done;
      }
      sink.suspendWrites();
      if (closeRequested) {
        IoUtils.safeClose(connection);
      }
    } catch (IOException e) {
      broken = true;
      IoUtils.safeClose(connection);
      List<Pending> failed = new ArrayList<>(pending);
      pending.clear();
      failed.forEach(p -> p.handler().failed(e));
    }
    return done;
  }

  private static void complete(List<Pending> done) {
    for (Pending p : done) {
      p.handler().completed(p.buffer());
    }
  }
}
