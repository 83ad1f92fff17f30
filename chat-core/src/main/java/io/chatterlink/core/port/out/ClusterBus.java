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
  /** {@return this node's id, sent with every signal it publishes} */
  NodeId node();

  /**
   * Sends {@code signal} to every node, this one included. Returns without waiting for delivery and
   * without failing when the bus is disconnected (the signal may then be lost).
   *
   * @param signal what to tell the nodes; required
   * @throws IllegalStateException after {@link #close()}
   */
  void publish(ClusterSignal signal);

  /**
   * Starts calling {@code listener} with every signal published from now on, by any node; signals
   * published before are not replayed.
   *
   * @param listener what to call, on a thread of the bus; required
   * @return the registration; closing it stops the calls
   * @throws IllegalStateException after {@link #close()}
   */
  Subscription subscribe(Listener listener);

  /**
   * {@return whether the bus is connected now and how often it reconnected} For health checks and
   * metrics.
   */
  Health health();

  /** Closes every subscription and disconnects; a second call does nothing. */
  @Override
  void close();

  /** Receives signals; called on a bus thread, never concurrently for one node. */
  @FunctionalInterface
  interface Listener {
    /**
     * One signal; an exception thrown here is dropped and does not stop later signals.
     *
     * @param received the signal and the node that published it (this node's own signals too)
     */
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
    /**
     * Checks that both components are present.
     *
     * @param sender the publishing node; required
     * @param signal the signal; required
     * @throws NullPointerException if either is null
     */
    public Received {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(signal, "signal");
    }

    /**
     * Whether a node published this signal, e.g. to skip what this node already did itself.
     *
     * @param node a node's id, typically {@link ClusterBus#node()}
     * @return true if {@code node} is the sender
     */
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
    /**
     * Checks the count.
     *
     * @param connected whether signals can be sent and received now
     * @param reconnects reconnections since start; not negative
     * @throws IllegalArgumentException if {@code reconnects} is negative
     */
    public Health {
      if (reconnects < 0) {
        throw new IllegalArgumentException("reconnects must not be negative");
      }
    }
  }
}
