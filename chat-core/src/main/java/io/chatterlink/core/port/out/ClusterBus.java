package io.chatterlink.core.port.out;

import io.chatterlink.core.model.NodeId;
import java.util.Objects;

/**
 * Carries small {@link ClusterSignal}s between the nodes of a cluster that share one database.
 * <strong>At most once:</strong> a signal may be lost (a node disconnected, a queue overflowed),
 * never duplicated; the database stays the only record, so a receiver that missed something
 * re-reads it there (see {@link Listener#onGap()}).
 *
 * <p>What every adapter guarantees, and {@code ClusterBusContract} checks:
 *
 * <ul>
 *   <li>every open subscription on every node, the publisher's own included, receives each signal
 *       once, with the publishing node's id;
 *   <li>signals from one publisher arrive in the order it published them;
 *   <li>a listener is called on a thread of the bus, one call at a time per node, never on the
 *       publisher's thread: it must not block for long;
 *   <li>after {@link Subscription#close()} returns, that listener is called no more.
 * </ul>
 */
public interface ClusterBus extends AutoCloseable {
  /** This node's id, sent with every signal it publishes. */
  NodeId node();

  /**
   * Sends {@code signal} to every node, this one included. Returns without waiting for delivery and
   * without failing when the bus is disconnected (the signal may then be lost).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  void publish(ClusterSignal signal);

  /**
   * Starts calling {@code listener} with every signal published from now on.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  Subscription subscribe(Listener listener);

  /** Whether the bus is connected now and how often it reconnected: for health checks, metrics. */
  Health health();

  /** Closes every subscription and disconnects; a second call does nothing. */
  @Override
  void close();

  /** Receives signals; called on a bus thread, never concurrently for one node. */
  @FunctionalInterface
  interface Listener {
    /** One signal; an exception thrown here is dropped and does not stop later signals. */
    void onSignal(Received received);

    /**
     * Signals may have been lost since the last one (the bus reconnected, or this node fell
     * behind): re-read from the database what the signals point to. Does nothing by default.
     */
    default void onGap() {}
  }

  /** A listener's registration. */
  interface Subscription extends AutoCloseable {
    /** Stops the calls to the listener; once this returns none follows. Idempotent. */
    @Override
    void close();
  }

  /**
   * A signal as received.
   *
   * @param sender the node that published it (a node may ignore its own)
   */
  record Received(NodeId sender, ClusterSignal signal) {
    public Received {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(signal, "signal");
    }

    /** Whether {@code node} published this signal. */
    public boolean isFrom(NodeId node) {
      return sender.equals(node);
    }
  }

  /**
   * The bus's state for {@code /healthz} and metrics.
   *
   * @param connected whether signals can be sent and received now (always true in process)
   * @param reconnects how many times the connection was lost and re-established since start
   */
  record Health(boolean connected, long reconnects) {
    public Health {
      if (reconnects < 0) {
        throw new IllegalArgumentException("reconnects must not be negative");
      }
    }
  }
}
