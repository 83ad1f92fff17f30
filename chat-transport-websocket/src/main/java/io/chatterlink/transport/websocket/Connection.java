package io.chatterlink.transport.websocket;

import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket: its user, its bounded outbound queue and the per-room seq it has delivered.
 *
 * <p>Everything leaves through a single "pump" that sends one frame at a time asynchronously on a
 * shared executor, so a slow client holds no thread and never delays anyone else: when its queue
 * fills up it is disconnected (1013). The pump alone touches {@link #ready}, {@link #delivered}
 * and {@link #pendingCatchUp}; the {@link #pumping} flag makes it run one step at a time.
 */
final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final String id;
  private final UserId user;
  private final SessionId sessionId;
  private final Session session;
  private final FetchHistory history;
  private final Executor executor;
  private final Executor closer;
  private final Consumer<Connection> onGone;
  private final ArrayBlockingQueue<Outbound> queue;
  private final TokenBucket budget;
  private final Deque<String> ready = new ArrayDeque<>();
  private final Map<RoomId, Long> delivered = new HashMap<>();
  private Outbound.CatchUp pendingCatchUp;
  private final AtomicBoolean pumping = new AtomicBoolean();
  private final AtomicBoolean gone = new AtomicBoolean();
  private volatile boolean started;
  private volatile long lastHeardNanos = System.nanoTime();

  Connection(
      String id,
      UserId user,
      SessionId sessionId,
      Session session,
      FetchHistory history,
      Executor executor,
      Executor closer,
      TransportSettings settings,
      Consumer<Connection> onGone) {
    this.id = id;
    this.user = user;
    this.sessionId = sessionId;
    this.session = session;
    this.history = history;
    this.executor = executor;
    this.closer = closer;
    this.onGone = onGone;
    this.queue = new ArrayBlockingQueue<>(settings.outboundQueueFrames());
    this.budget =
        new TokenBucket(settings.requestBurst(), settings.requestsPerSecond(), System::nanoTime);
  }

  String id() {
    return id;
  }

  UserId user() {
    return user;
  }

  SessionId sessionId() {
    return sessionId;
  }

  TokenBucket budget() {
    return budget;
  }

  boolean isGone() {
    return gone.get();
  }

  /** Sends {@code hello} first, then whatever was queued while the connection was being set up. */
  void start(String hello) {
    ready.addFirst(hello);
    started = true;
    schedule();
  }

  void push(OutboundFrame frame) {
    offer(new Outbound.Push(frame));
  }

  void reply(String json) {
    offer(new Outbound.Text(json));
  }

  void subscribe(RoomId room, long afterSeq, String requestId) {
    offer(new Outbound.CatchUp(room, afterSeq, java.util.Optional.of(requestId)));
  }

  void unsubscribe(RoomId room, String reply) {
    offer(new Outbound.Unsubscribe(room, reply));
  }

  /** Closes after every frame queued so far has been sent (graceful shutdown, rate abuse). */
  void closeAfterPending(CloseReason reason) {
    if (!gone.get() && !queue.offer(new Outbound.Close(reason))) {
      closeNow(reason);
    }
    schedule();
  }

  /** Forgets the connection at once and closes its socket without waiting for its queue. */
  void closeNow(CloseReason reason) {
    if (markGone()) {
      try {
        closer.execute(() -> closeSession(reason));
      } catch (RejectedExecutionException e) {
        LOG.debug("transport stopped; connection {} is closed with the server", id);
      }
    }
  }

  /** The socket closed on its own: forget the connection. */
  void closed() {
    markGone();
  }

  /** Any frame or pong from the client proves it alive. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /** Pings the client, or closes it (4408) when it has been silent for {@code idleNanos}. */
  void heartbeat(long nowNanos, long idleNanos) {
    if (nowNanos - lastHeardNanos > idleNanos) {
      LOG.info("closing idle connection {}", id);
      closeNow(CloseCodes.IDLE);
      return;
    }
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
      LOG.info("connection {} of user {} reads too slowly: its outbound queue is full", id, user);
      closeNow(CloseCodes.TOO_SLOW);
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
    try {
      while (!gone.get()) {
        String text = ready.poll();
        if (text == null && pendingCatchUp != null) {
          continueCatchUp();
          continue;
        }
        if (text == null) {
          Outbound item = queue.poll();
          if (item == null) {
            break;
          }
          text = process(item);
        }
        if (text != null) {
          sendThenContinue(text);
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

  private void sendThenContinue(String text) {
    session
        .getAsyncRemote()
        .sendText(
            text,
            result -> {
              pumping.set(false);
              if (result.isOK()) {
                schedule();
              } else {
                LOG.debug("send failed on connection {}", id, result.getException());
                closeNow(CloseCodes.INTERNAL);
              }
            });
  }

  /** The text to send for an item, or null when it sends nothing (filtered, or a step). */
  private String process(Outbound item) {
    if (item instanceof Outbound.Push) {
      return filter(((Outbound.Push) item).frame());
    } else if (item instanceof Outbound.Text) {
      return ((Outbound.Text) item).json();
    } else if (item instanceof Outbound.CatchUp) {
      Outbound.CatchUp catchUp = (Outbound.CatchUp) item;
      delivered.put(catchUp.room(), catchUp.afterSeq());
      pendingCatchUp = catchUp;
      return null;
    } else if (item instanceof Outbound.Unsubscribe) {
      Outbound.Unsubscribe unsubscribe = (Outbound.Unsubscribe) item;
      delivered.remove(unsubscribe.room());
      return unsubscribe.reply();
    } else if (item instanceof Outbound.Close) {
      closeNow(((Outbound.Close) item).reason());
      return null;
    }
    throw new AssertionError(item);
  }

  /**
   * Log entries go out in seq order without gaps or repeats: older ones are dropped (the replay
   * already sent them), and a gap (two sends of one room delivered out of order, or entries
   * stored while the room was being replayed) is filled from the log itself.
   */
  private String filter(OutboundFrame frame) {
    if (frame.sequencedRoom().isPresent()) {
      RoomId room = frame.sequencedRoom().get();
      Long last = delivered.get(room);
      if (last == null || frame.seq() <= last) {
        return null;
      }
      if (frame.seq() == last + 1) {
        delivered.put(room, frame.seq());
        return frame.json();
      }
      pendingCatchUp = new Outbound.CatchUp(room, last, java.util.Optional.empty());
      return null;
    }
    if (frame.departed().filter(user::equals).isPresent()) {
      frame.room().ifPresent(delivered::remove);
    }
    return frame.json();
  }

  /** Replays one batch of the log into {@link #ready}; the reply follows the last batch. */
  private void continueCatchUp() {
    Outbound.CatchUp catchUp = pendingCatchUp;
    RoomId room = catchUp.room();
    long from = delivered.getOrDefault(room, catchUp.afterSeq());
    try {
      ResyncBatch batch = history.resync(user, room, from, Limits.MAX_RESYNC_BATCH);
      for (SequencedEvent event : batch.events()) {
        if (event.seq() > from) {
          ready.add(Json.write(EventFrames.sequenced(event)));
          from = event.seq();
        }
      }
      delivered.put(room, from);
      if (!batch.hasMore()) {
        pendingCatchUp = null;
        long seq = from;
        catchUp.replyId().ifPresent(rid -> ready.add(Replies.ok(rid, Replies.roomSeq(room, seq))));
      }
    } catch (ChatException e) {
      pendingCatchUp = null;
      delivered.remove(room);
      catchUp.replyId().ifPresent(rid -> ready.add(Replies.error(rid, e)));
    }
  }

  private void closeSession(CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException | IllegalStateException e) {
      LOG.debug("closing connection {} failed", id, e);
    }
  }
}
