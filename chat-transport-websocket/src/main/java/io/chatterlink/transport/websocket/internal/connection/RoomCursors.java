package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import io.chatterlink.transport.websocket.internal.protocol.Reply;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.function.LongSupplier;

/**
 * Per subscribed room, the last seq a connection has sent, so that log entries go out in seq order
 * with neither gaps nor repeats. Older entries are dropped (a replay already sent them). A push
 * ahead of a gap (two sends of one room delivered out of order) is held until the missing one
 * arrives ({@link EarlyFrames}); a gap that stays open, or entries stored while the room was being
 * replayed, is filled from the log itself. Not thread-safe: only the connection's pump uses it.
 */
public final class RoomCursors {
  private final UserId user;
  private final FetchHistory history;
  private final Map<RoomId, Long> delivered = new HashMap<>();
  private final EarlyFrames early = new EarlyFrames();
  private final Queue<OutboundFrame> released = new ArrayDeque<>();
  private final LongSupplier nanoTime;
  private Outbound.CatchUp pending;

  public RoomCursors(UserId user, FetchHistory history) {
    this(user, history, System::nanoTime);
  }

  public RoomCursors(UserId user, FetchHistory history, LongSupplier nanoTime) {
    this.user = user;
    this.history = history;
    this.nanoTime = nanoTime;
  }

  /** The frame to send for a push, or empty when this connection must not send it (now). */
  public Optional<OutboundFrame> admit(OutboundFrame frame) {
    if (frame.sequencedRoom().isPresent()) {
      RoomId room = frame.sequencedRoom().get();
      Long last = delivered.get(room);
      if (last == null || frame.seq() <= last) {
        return Optional.empty();
      }
      if (frame.seq() == last + 1) {
        delivered.put(room, frame.seq());
        for (OutboundFrame next : early.releaseAfter(room, frame.seq())) {
          released.add(next);
          delivered.merge(room, 1L, Long::sum);
        }
        return Optional.of(frame);
      }
      if (!early.hold(room, frame.seq(), frame, nanoTime.getAsLong())) {
        early.forget(room);
        pending = new Outbound.CatchUp(room, last, Optional.empty());
      }
      return Optional.empty();
    }
    if (frame.departed().filter(user::equals).isPresent()) {
      frame.room().ifPresent(delivered::remove);
      frame.room().ifPresent(early::forget);
    }
    return Optional.of(frame);
  }

  /**
   * Moves into {@code out} the held pushes that the last {@link #admit} made sendable; they follow
   * the text that call returned.
   */
  public void takeReleased(Queue<OutboundFrame> out) {
    out.addAll(released);
    released.clear();
  }

  /**
   * Starts filling from the log a gap that has stayed open past {@link EarlyFrames#GRACE}.
   *
   * @return true when a replay started ({@link #catchingUp()})
   */
  public boolean fillOverdueGap() {
    Optional<RoomId> overdue = early.overdue(nanoTime.getAsLong());
    if (overdue.isEmpty()) {
      return false;
    }
    RoomId room = overdue.get();
    early.forget(room);
    Long last = delivered.get(room);
    if (last == null) {
      return false;
    }
    pending = new Outbound.CatchUp(room, last, Optional.empty());
    return true;
  }

  /** How long until a held gap becomes overdue; empty when nothing is held. */
  public OptionalLong nanosUntilOverdue() {
    return early.nanosUntilOverdue(nanoTime.getAsLong());
  }

  /** Subscribes from {@code afterSeq}: the replay runs through {@link #continueCatchUp}. */
  public void startCatchUp(Outbound.CatchUp catchUp) {
    early.forget(catchUp.room());
    delivered.put(catchUp.room(), catchUp.afterSeq());
    pending = catchUp;
  }

  public void unsubscribe(RoomId room) {
    delivered.remove(room);
    early.forget(room);
  }

  public boolean catchingUp() {
    return pending != null;
  }

  /**
   * Replays one batch of the log into {@code out}; after the last batch, the reply to the subscribe
   * request (if any) follows.
   */
  public void continueCatchUp(Queue<OutboundFrame> out) {
    Outbound.CatchUp catchUp = pending;
    RoomId room = catchUp.room();
    // the replay covers every push held for this room: each was stored before it was pushed
    early.forget(room);
    long from = delivered.getOrDefault(room, catchUp.afterSeq());
    try {
      ResyncBatch batch = history.resync(user, room, from, Limits.MAX_RESYNC_BATCH);
      for (SequencedEvent event : batch.events()) {
        if (event.seq() > from) {
          out.add(ServerFrames.replayed(event));
          from = event.seq();
        }
      }
      delivered.put(room, from);
      if (!batch.hasMore()) {
        pending = null;
        long seq = from;
        catchUp
            .replyId()
            .ifPresent(
                id ->
                    out.add(
                        OutboundFrame.plain(
                            ServerFrames.reply(id, new Reply.Subscribed(room, seq)))));
      }
    } catch (ChatException e) {
      pending = null;
      delivered.remove(room);
      catchUp.replyId().ifPresent(id -> out.add(OutboundFrame.plain(ServerFrames.error(id, e))));
    }
  }
}
