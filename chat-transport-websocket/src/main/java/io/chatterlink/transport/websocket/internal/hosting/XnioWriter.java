package io.chatterlink.transport.websocket.internal.hosting;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;

/**
 * The one writer of an XNIO socket: Tyrus's frames and our pre-encoded ones. XNIO sink channels are
 * not thread-safe and both write from any thread, so writes are queued under a lock and flushed
 * without blocking: what the socket does not take now is written when it becomes writable. Queued
 * buffers go out in gathering writes (one system call for many frames). Completions run outside the
 * lock.
 */
public final class XnioWriter extends Writer {
  /** How long a close frame may wait for a client that does not read before the socket is cut. */
  public static final long CLOSE_FLUSH_SECONDS = 3;

  /** Most buffers handed to one gathering write (well under the kernel's IOV_MAX of 1,024). */
  public static final int MAX_BUFFERS_PER_WRITE = 128;

  private final StreamConnection connection;
  private final ConduitStreamSinkChannel sink;
  private final Deque<Pending> pending = new ArrayDeque<>(4);
  // Written under the lock; volatile so that the reader can ask closing() without taking it.
  private volatile boolean closeRequested;
  private volatile boolean closeFrameQueued;
  private volatile boolean broken;

  /** Buffers of one write request, written in order, then completed together. */
  private static final class Pending {
    final ByteBuffer[] buffers;
    final Runnable completed;
    final Consumer<IOException> failed;
    int next;

    public Pending(ByteBuffer[] buffers, Runnable completed, Consumer<IOException> failed) {
      this.buffers = buffers;
      this.completed = completed;
      this.failed = failed;
    }

    public boolean written() {
      while (next < buffers.length && !buffers[next].hasRemaining()) {
        next++;
      }
      return next == buffers.length;
    }
  }

  public XnioWriter(StreamConnection connection) {
    this.connection = connection;
    this.sink = connection.getSinkChannel();
    sink.getWriteSetter().set(channel -> complete(flushAndCollect()));
  }

  @Override
  public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler) {
    enqueue(
        new Pending(new ByteBuffer[] {buffer}, () -> handler.completed(buffer), handler::failed),
        false);
  }

  @Override
  public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler, WriterInfo info) {
    boolean close = info != null && info.getMessageType() == WriterInfo.MessageType.CLOSE;
    if (close) {
      synchronized (this) {
        closeFrameQueued = true;
      }
    }
    write(buffer, handler);
    if (close) {
      cutAfterGrace();
    }
  }

  /**
   * True once a close frame is queued or Tyrus closed the writer: what the client sends is moot.
   */
  public boolean closing() {
    return closeFrameQueued || closeRequested || broken;
  }

  /**
   * Writes whole text frames encoded by us, after everything queued before. Refused once a close
   * frame is queued: nothing may follow it on the wire.
   */
  public void writeFrames(ByteBuffer[] frames, SendHandler done) {
    enqueue(
        new Pending(
            frames, () -> done.onResult(new SendResult()), e -> done.onResult(new SendResult(e))),
        true);
  }

  private void enqueue(Pending write, boolean refusedAfterCloseFrame) {
    boolean refused;
    synchronized (this) {
      refused = broken || closeRequested || (refusedAfterCloseFrame && closeFrameQueued);
      if (!refused) {
        pending.add(write);
      }
    }
    if (refused) {
      write.failed.accept(new IOException("connection closed"));
      return;
    }
    complete(flushAndCollect());
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
  public void abort() {
    List<Pending> failed;
    synchronized (this) {
      broken = true;
      failed = new ArrayList<>(pending);
      pending.clear();
    }
    IoUtils.safeClose(connection);
    IOException closed = new IOException("connection closed");
    failed.forEach(p -> p.failed.accept(closed));
  }

  /** Writes what the socket takes; returns the writes that finished, to be completed unlocked. */
  private synchronized List<Pending> flushAndCollect() {
    List<Pending> done = List.of();
    if (broken) {
      return done;
    }
    try {
      while (!pending.isEmpty()) {
        ByteBuffer[] gathered = gather();
        long offered = 0;
        for (ByteBuffer buffer : gathered) {
          offered += buffer.remaining();
        }
        long written = offered == 0 ? 0 : sink.write(gathered, 0, gathered.length);
        while (!pending.isEmpty() && pending.peek().written()) {
          if (done.isEmpty()) {
            done = new ArrayList<>(4);
          }
          done.add(pending.poll());
        }
        if (written < offered) {
          sink.resumeWrites(); // the socket is full: go on when it can take more
          return done;
        }
      }
      if (!sink.flush()) {
        sink.resumeWrites();
        return done;
      }
      sink.suspendWrites();
      if (closeRequested) {
        halfClose();
      }
    } catch (IOException e) {
      broken = true;
      IoUtils.safeClose(connection);
      List<Pending> failed = new ArrayList<>(pending);
      pending.clear();
      failed.forEach(p -> p.failed.accept(e));
    }
    return done;
  }

  /**
   * Sends our FIN but keeps reading: a full close with unread bytes from a client still writing
   * would answer with a reset, and a reset can destroy the close frame before the client reads it
   * (RFC 6455 section 7.1.1). The reader closes the socket at the client's FIN; {@link
   * #cutAfterGrace} cuts it if that never comes.
   */
  private void halfClose() throws IOException {
    sink.shutdownWrites();
    if (!sink.flush()) {
      sink.resumeWrites();
    }
  }

  /** The unwritten buffers at the head of the queue, in order, at most MAX_BUFFERS_PER_WRITE. */
  private ByteBuffer[] gather() {
    int count = 0;
    for (Pending p : pending) {
      count += p.buffers.length - p.next;
      if (count >= MAX_BUFFERS_PER_WRITE) {
        break;
      }
    }
    ByteBuffer[] gathered = new ByteBuffer[Math.min(count, MAX_BUFFERS_PER_WRITE)];
    int i = 0;
    for (Pending p : pending) {
      for (int b = p.next; b < p.buffers.length && i < gathered.length; b++) {
        gathered[i++] = p.buffers[b];
      }
      if (i == gathered.length) {
        break;
      }
    }
    return gathered;
  }

  private static void complete(List<Pending> done) {
    for (Pending p : done) {
      p.completed.run();
    }
  }
}
