package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.cluster.ClusterSubscriber;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link ClusterBus} of a single process: the default when there is one node. Signals go to
 * this node's listeners on one dispatch thread of its own (never on the publisher's thread, as over
 * a network), in publish order. More nodes in the same JVM (for tests of several in-process nodes)
 * join with {@link #joining(NodeId)} and receive every signal too.
 *
 * <p>Limit: at most {@value #QUEUE_CAPACITY} signals wait per node; a signal beyond that is dropped
 * (at most once) and the node's listeners get {@link ClusterBus.Listener#onGap()} before their next
 * signal.
 */
public final class InMemoryClusterBus implements ClusterBus {
  /** Signals that may wait for one node's dispatch thread before new ones are dropped. */
  public static final int QUEUE_CAPACITY = 10_000;

  private final Hub hub;
  private final NodeId node;
  private final List<ClusterSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean gap = new AtomicBoolean();
  private final ThreadPoolExecutor dispatcher;
  private volatile boolean closed;

  /**
   * A single-node bus; its dispatch thread (a daemon) starts now and stops at {@link #close()}.
   *
   * @param node this node's id, sent with every signal it publishes; required
   * @throws NullPointerException if {@code node} is null
   */
  public InMemoryClusterBus(NodeId node) {
    this(new Hub(), node);
  }

  private InMemoryClusterBus(Hub hub, NodeId node) {
    this.hub = hub;
    this.node = Objects.requireNonNull(node, "node");
    this.dispatcher =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            task -> {
              Thread thread = new Thread(task, "cluster-bus-" + node.value());
              thread.setDaemon(true);
              return thread;
            });
    hub.join(this);
  }

  /**
   * Another node on the same in-process bus: each receives what either publishes. The new node has
   * its own dispatch thread and queue, and leaves the bus when it is closed; the others stay.
   *
   * @param other the new node's id; different from every node on the bus
   * @return the new node's bus
   * @throws IllegalArgumentException if a node of that id is already on the bus
   */
  public InMemoryClusterBus joining(NodeId other) {
    return new InMemoryClusterBus(hub, other);
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public void publish(ClusterSignal signal) {
    Objects.requireNonNull(signal, "signal");
    requireOpen();
    hub.publish(new Received(node, signal));
  }

  @Override
  public Subscription subscribe(Listener listener) {
    requireOpen();
    ClusterSubscriber[] self = new ClusterSubscriber[1];
    self[0] = new ClusterSubscriber(listener, () -> subscribers.remove(self[0]));
    subscribers.add(self[0]);
    return self[0];
  }

  @Override
  public Health health() {
    return new Health(!closed, 0);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    hub.leave(this);
    for (ClusterSubscriber subscriber : subscribers) {
      subscriber.close();
    }
    dispatcher.shutdownNow();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("cluster bus of node " + node + " is closed");
    }
  }

  /** Queues a signal for this node's listeners; a full queue drops it and marks a gap. */
  private void enqueue(Received received) {
    try {
      dispatcher.execute(() -> dispatch(received));
    } catch (RejectedExecutionException full) {
      if (!closed) {
        gap.set(true);
      }
    }
  }

  private void dispatch(Received received) {
    // The queue was full when the gap was marked, so a later task always comes to report it.
    if (gap.getAndSet(false)) {
      subscribers.forEach(ClusterSubscriber::gap);
    }
    subscribers.forEach(subscriber -> subscriber.deliver(received));
  }

  /** The nodes of one in-process bus; publishing queues to all of them in one order. */
  private static final class Hub {
    private final List<InMemoryClusterBus> nodes = new ArrayList<>();

    synchronized void join(InMemoryClusterBus bus) {
      for (InMemoryClusterBus existing : nodes) {
        if (existing.node.equals(bus.node)) {
          bus.dispatcher.shutdownNow();
          throw new IllegalArgumentException("node " + bus.node + " is already on this bus");
        }
      }
      nodes.add(bus);
    }

    synchronized void leave(InMemoryClusterBus bus) {
      nodes.remove(bus);
    }

    synchronized void publish(Received received) {
      for (InMemoryClusterBus bus : nodes) {
        bus.enqueue(received);
      }
    }
  }
}
