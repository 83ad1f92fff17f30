package io.chatterlink.transport.websocket.internal.connection;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the pumps of a fan-out's recipients in a few tasks instead of one each. Every task wakes an
 * outbound thread, which at one message every 40 ms into 200 sockets cost more than the writes; so
 * the recipients are cut into at most one slice per outbound thread, none smaller than {@link
 * #MIN_SLICE} (a direct message's two sockets are one task). Each pump still yields after {@link
 * Connection#FRAMES_PER_TURN} frames, so one busy connection delays its slice by one turn at most.
 */
final class FanOutPumps {
  /** Fewest connections worth a task of their own. */
  static final int MIN_SLICE = 32;

  private final Executor outbound;
  private final int threads;

  FanOutPumps(Executor outbound, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.outbound = outbound;
    this.threads = threads;
  }

  /** Runs the claimed pumps of {@code connections} on the outbound threads. */
  void run(List<Connection> connections) {
    int count = connections.size();
    if (count == 0) {
      return;
    }
    int slices = Math.max(1, Math.min(threads, count / MIN_SLICE));
    int from = 0;
    for (int i = 0; i < slices; i++) {
      int to = from + (count - from) / (slices - i);
      List<Connection> slice = connections.subList(from, to);
      hand(slice);
      from = to;
    }
  }

  private void hand(List<Connection> slice) {
    try {
      outbound.execute(() -> slice.forEach(Connection::runClaimedPump));
    } catch (RejectedExecutionException e) {
      slice.forEach(Connection::releaseClaimedPump); // the transport is stopping
    }
  }
}
