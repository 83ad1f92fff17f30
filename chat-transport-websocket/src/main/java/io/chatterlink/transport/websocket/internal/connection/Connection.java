package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.TransportMetrics;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket: its user, its bounded outbound queue and the per-room seq it has delivered.
 *
 * <p>Everything leaves through a single "pump" that sends asynchronously on a shared executor, so a
 * slow client holds no thread and never delays anyone else: when its queue fills up it is
 * disconnected (1013). The pump alone touches {@link #ready} and the room cursors; the {@link
 * #pumping} flag makes it run one step at a time.
 *
 * <p>The pump sends whatever is ready as one batch (one gathering write on our own hosting). A send
 * usually completes inside the call (the socket took the bytes at once); the pump then goes
 * straight on instead of handing a new task to the executor, which was most of the per-delivery CPU
 * cost. It does so for at most {@link #FRAMES_PER_TURN} frames, then yields its thread so that one
 * busy connection cannot starve the others.
 */
public final class Connection {
  /**
   * Frames one pump task sends before it yields the executor thread to other connections; also the
   * largest batch.
   */
  public static final int FRAMES_PER_TURN = 64;

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final String id;
  private final UserId user;
  private final Revocation revocation;
  private final Session session;
  private final FrameSink sink;
  private final Executor executor;
  private final Executor closer;
  private final Consumer<Connection> onGone;
  private final TransportMetrics metrics;
  // Linked rather than array-backed: an array of outboundQueueFrames slots (4 KiB at the default
  // 1,024) would be allocated up front for every connection, idle ones included.
  private final LinkedBlockingQueue<Outbound> queue;
  private final Deque<OutboundFrame> ready = new ArrayDeque<>(4);
  private final RoomCursors cursors;
  private final AtomicBoolean pumping = new AtomicBoolean();
  private final AtomicBoolean recheckPending = new AtomicBoolean();
  private final AtomicBoolean gone = new AtomicBoolean();
  // A socket's requests are read one at a time, but sends stay in flight together: their answers
  // go out in request order, and the shutdown's cut answers each open request exactly once.
  private final OrderedAnswers answers = new OrderedAnswers(this::offer);
  // A close met while a batch was being gathered: it waits until that batch has been sent.
  private Outbound.Close closeAfterBatch;
  private volatile boolean started;
  private volatile long lastHeardNanos = System.nanoTime();

  public Connection(
      String id,
      UserId user,
      Revocation revocation,
      Session session,
      FrameSink sink,
      FetchHistory history,
      Executor executor,
      Executor closer,
      TransportSettings settings,
      TransportMetrics metrics,
      Consumer<Connection> onGone) {
    this.id = id;
    this.user = user;
    this.revocation = revocation;
    this.session = session;
    this.sink = sink;
    this.cursors = new RoomCursors(user, history);
    this.executor = executor;
    this.closer = closer;
    this.onGone = onGone;
    this.metrics = metrics;
    this.queue = new LinkedBlockingQueue<>(settings.outboundQueueFrames());
  }

  public String id() {
    return id;
  }

  public UserId user() {
    return user;
  }

  /** What ends this connection's authentication (a ChatterLink session or an embedder's grant). */
  public Revocation revocation() {
    return revocation;
  }

  public boolean isGone() {
    return gone.get();
  }

  /** Sends {@code hello} first, then whatever was queued while the connection was being set up. */
  public void start(String hello) {
    ready.addFirst(OutboundFrame.plain(hello));
    started = true;
    schedule();
  }

  public void push(OutboundFrame frame) {
    offer(new Outbound.Push(frame));
  }

  /** Answers a frame that started no request (a refusal), after every earlier answer. */
  public void reply(String json) {
    answers.answerUnopened(new Outbound.Text(json));
  }

  /** Answers the request of {@code ticket}, in request order. */
  public void reply(OrderedAnswers.Ticket ticket, String json) {
    answers.answer(ticket, new Outbound.Text(json));
  }

  /** Answers a subscribe: its reply follows the replay, which the pump writes. */
  public void subscribe(
      OrderedAnswers.Ticket ticket, RoomId room, long afterSeq, RequestId requestId) {
    answers.answer(ticket, new Outbound.CatchUp(room, afterSeq, Optional.of(requestId)));
  }

  /** Answers an unsubscribe with {@code reply} once the room's pushes stop. */
  public void unsubscribe(OrderedAnswers.Ticket ticket, RoomId room, String reply) {
    answers.answer(ticket, new Outbound.Unsubscribe(room, reply));
  }

  /**
   * The request {@code id} is being handled: its answer (or the shutdown's 503) goes out after
   * every earlier request's.
   *
   * @return the request's place in the order of answers
   */
  public OrderedAnswers.Ticket requestStarted(RequestId id) {
    return answers.open(id);
  }

  /**
   * Waits until at most {@code count} of this connection's requests are unanswered (a send
   * pipeline's bound, or 0 before a request that must see every earlier send), at most {@code
   * timeoutMillis}.
   */
  public void awaitAtMostUnanswered(int count, long timeoutMillis) {
    try {
      answers.awaitAtMostOpen(count, timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The graceful shutdown's cut: every request still being handled is answered now, in order, with
   * {@code unanswered.apply(id)} (its own answer, should it come later, is dropped), then the
   * socket closes with {@code reason} once every frame queued before has been sent.
   */
  public void closeAnsweringInFlight(CloseReason reason, Function<RequestId, String> unanswered) {
    answers.close(id -> new Outbound.Text(unanswered.apply(id)));
    closeAfterPending(reason);
  }

  /** Closes after every frame queued so far has been sent (graceful shutdown, rate abuse). */
  public void closeAfterPending(CloseReason reason) {
    if (!gone.get() && !queue.offer(new Outbound.Close(reason))) {
      closeNow(reason);
    }
    schedule();
  }

  /**
   * Forgets the connection at once and closes its socket without waiting for its queue.
   *
   * @return true if this call closed it, false if it was already gone
   */
  public boolean closeNow(CloseReason reason) {
    if (!markGone()) {
      return false;
    }
    try {
      closer.execute(() -> closeSession(reason));
    } catch (RejectedExecutionException e) {
      LOG.debug("transport stopped; connection {} is closed with the server", id);
    }
    return true;
  }

  /** The socket closed on its own: forget the connection. */
  public void closed() {
    markGone();
  }

  /** Any frame or pong from the client proves it alive. */
  public void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * Closes the connection (4408) when it has been silent for more than {@code idleNanos}.
   *
   * @return true if it was closed as idle
   */
  public boolean closeIfIdle(long nowNanos, long idleNanos) {
    if (nowNanos - lastHeardNanos <= idleNanos) {
      return false;
    }
    if (closeNow(CloseCodes.IDLE)) {
      LOG.info("closing idle connection {}", id);
    }
    return true;
  }

  /** Sends a WebSocket ping, which the client answers with a pong ({@link #heard}). */
  public void ping() {
    try {
      session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
    } catch (IOException | IllegalStateException e) {
      LOG.debug("ping failed on connection {}", id, e);
    }
  }

  private boolean markGone() {
    if (gone.compareAndSet(false, true)) {
      queue.clear();
      onGone.accept(this);
      return true;
    }
    return false;
  }

  private void offer(Outbound item) {
    if (gone.get()) {
      return;
    }
    if (!queue.offer(item)) {
      if (closeNow(CloseCodes.TOO_SLOW)) {
        LOG.info("connection {} of user {} reads too slowly: its outbound queue is full", id, user);
        metrics.slowConsumerDropped();
      }
      return;
    }
    schedule();
  }

  private void schedule() {
    if (started && !gone.get() && pumping.compareAndSet(false, true)) {
      runQuietly(this::pump);
    }
  }

  private void runQuietly(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      pumping.set(false);
      LOG.debug("transport executor stopped; dropping work of connection {}", id);
    }
  }

  private void pump() {
    int sent = 0;
    try {
      while (!gone.get()) {
        List<OutboundFrame> batch = nextBatch(FRAMES_PER_TURN - sent);
        if (batch.isEmpty()) {
          break;
        }
        sent += batch.size();
        if (!new Send().startAndCompletedInline(batch)) {
          return; // the send's completion continues the pump, or it failed and closed
        }
        if (sent >= FRAMES_PER_TURN) {
          runQuietly(this::pump); // still pumping: yield the thread, keep the turn
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("outbound pump of connection {} failed", id, e);
      closeNow(CloseCodes.INTERNAL);
    }
    pumping.set(false);
    if (!queue.isEmpty()) {
      schedule();
    }
  }

  /** Up to {@code max} frames ready to go, in order; empty when there is nothing to send now. */
  private List<OutboundFrame> nextBatch(int max) {
    if (closeAfterBatch != null) {
      closeNow(closeAfterBatch.reason());
      return List.of();
    }
    List<OutboundFrame> batch = new ArrayList<>(Math.min(max, 8));
    while (batch.size() < max && !gone.get()) {
      OutboundFrame frame = ready.poll();
      if (frame == null && cursors.catchingUp()) {
        cursors.continueCatchUp(ready);
        continue;
      }
      if (frame == null) {
        Outbound item = queue.poll();
        if (item == null && cursors.fillOverdueGap()) {
          continue;
        }
        if (item == null) {
          cursors.nanosUntilOverdue().ifPresent(this::recheckAfter);
          break;
        }
        if (item instanceof Outbound.Close && !batch.isEmpty()) {
          closeAfterBatch = (Outbound.Close) item;
          break;
        }
        frame = process(item);
      }
      if (frame != null) {
        batch.add(frame);
      }
    }
    return batch;
  }

  /** Runs the pump again once a held gap may have become overdue, even if nothing else arrives. */
  private void recheckAfter(long nanos) {
    if (recheckPending.compareAndSet(false, true)) {
      CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS)
          .execute(
              () -> {
                recheckPending.set(false);
                schedule();
              });
    }
  }

  /**
   * One batch in flight. Its completion and the pump race on {@link #state}: if the send completed
   * before the pump looked (the usual case), the pump continues in its own loop; otherwise the
   * completion, whenever it comes, schedules the pump again. Exactly one of them goes on.
   */
  private final class Send implements SendHandler {
    private static final int IN_FLIGHT = 0;
    private static final int COMPLETED = 1;
    private static final int FAILED = 2;
    private static final int PUMP_LEFT = 3;

    private final AtomicInteger state = new AtomicInteger(IN_FLIGHT);

    /** Sends {@code batch}; true if it already completed and the calling pump should go on. */
    public boolean startAndCompletedInline(List<OutboundFrame> batch) {
      sink.send(batch, this);
      return !state.compareAndSet(IN_FLIGHT, PUMP_LEFT) && state.get() == COMPLETED;
    }

    @Override
    public void onResult(SendResult result) {
      boolean pumpStillHere = state.compareAndSet(IN_FLIGHT, result.isOK() ? COMPLETED : FAILED);
      if (!result.isOK()) {
        LOG.debug("send failed on connection {}", id, result.getException());
        pumping.set(false);
        closeNow(CloseCodes.INTERNAL);
      } else if (!pumpStillHere) {
        pumping.set(false);
        schedule();
      }
    }
  }

  /** The frame to send for an item, or null when it sends nothing (filtered, or a step). */
  private OutboundFrame process(Outbound item) {
    if (item instanceof Outbound.Push) {
      OutboundFrame frame = cursors.admit(((Outbound.Push) item).frame()).orElse(null);
      cursors.takeReleased(ready);
      return frame;
    } else if (item instanceof Outbound.Text) {
      return OutboundFrame.plain(((Outbound.Text) item).json());
    } else if (item instanceof Outbound.CatchUp) {
      cursors.startCatchUp((Outbound.CatchUp) item);
      return null;
    } else if (item instanceof Outbound.Unsubscribe) {
      Outbound.Unsubscribe unsubscribe = (Outbound.Unsubscribe) item;
      cursors.unsubscribe(unsubscribe.room());
      return OutboundFrame.plain(unsubscribe.reply());
    } else if (item instanceof Outbound.Close) {
      closeNow(((Outbound.Close) item).reason());
      return null;
    }
    throw new AssertionError(item);
  }

  private void closeSession(CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException | IllegalStateException e) {
      LOG.debug("closing connection {} failed", id, e);
    }
  }
}
