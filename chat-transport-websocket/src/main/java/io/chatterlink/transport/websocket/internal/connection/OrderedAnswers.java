package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection's answers, in the order of its requests. A request opens a {@link Ticket} when its
 * handling starts; its answer goes out once every earlier ticket's has. Sends stay in flight
 * together (pipelined), so their acks may be ready out of order; the client still gets them in
 * request order, as docs/protocol.md promises. The graceful shutdown's cut answers every open
 * ticket, in order, with its own answer if ready or the shutdown's 503.
 */
public final class OrderedAnswers {
  /** One request's place in the order of answers. */
  public static final class Ticket {
    private final Optional<RequestId> id;
    private Outbound answer;

    private Ticket(Optional<RequestId> id) {
      this.id = id;
    }
  }

  private final Consumer<Outbound> offer;
  private final Deque<Ticket> open = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param offer queues an answer for sending (called in request order, under this lock)
   */
  OrderedAnswers(Consumer<Outbound> offer) {
    this.offer = offer;
  }

  /** The request {@code id} started: its answer goes after every earlier one. */
  synchronized Ticket open(RequestId id) {
    Ticket ticket = new Ticket(Optional.of(id));
    if (!closed) {
      open.addLast(ticket);
    }
    return ticket;
  }

  /** Answers {@code ticket}; sends it, and every later answer already waiting, once it is first. */
  synchronized void answer(Ticket ticket, Outbound answer) {
    if (closed || ticket.answer != null) {
      return;
    }
    ticket.answer = answer;
    while (!open.isEmpty() && open.peekFirst().answer != null) {
      offer.accept(open.pollFirst().answer);
    }
    notifyAll();
  }

  /** An answer to a frame that started no request (a refusal): still after every earlier answer. */
  synchronized void answerUnopened(Outbound answer) {
    if (closed) {
      return;
    }
    if (open.isEmpty()) {
      offer.accept(answer);
    } else {
      Ticket ticket = new Ticket(Optional.empty());
      ticket.answer = answer;
      open.addLast(ticket);
    }
  }

  /**
   * Waits until at most {@code count} requests are unanswered, or {@code timeoutMillis} passed.
   *
   * @return whether it got there in time
   */
  synchronized boolean awaitAtMostOpen(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (open.size() > count && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * The shutdown's cut: every open request is answered now, in order, with its own answer if it is
   * ready and {@code unanswered.apply(id)} if not; later answers are dropped.
   */
  synchronized void close(Function<RequestId, Outbound> unanswered) {
    closed = true;
    for (Ticket ticket : open) {
      if (ticket.answer != null) {
        offer.accept(ticket.answer);
      } else {
        ticket.id.ifPresent(id -> offer.accept(unanswered.apply(id)));
      }
    }
    open.clear();
    notifyAll();
  }
}
