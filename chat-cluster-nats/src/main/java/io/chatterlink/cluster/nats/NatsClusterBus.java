package io.chatterlink.cluster.nats;

import io.chatterlink.core.cluster.ClusterSubscriber;
import io.chatterlink.core.cluster.SignalCodec;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClusterBus} over one NATS core subject: every node subscribes to it and publishes to it.
 * NATS keeps one publisher's messages in order; the listeners of this node run on one thread of its
 * own, fed from the NATS dispatcher, so a slow listener never stalls the NATS connection (at most
 * {@link NatsCluster#QUEUE_CAPACITY} signals wait; more are dropped and reported as a gap). After
 * the connection is re-established every listener gets {@link Listener#onGap()}.
 */
final class NatsClusterBus implements ClusterBus, ConnectionListener {
  private final NodeId node;
  private final String subject;
  private final List<ClusterSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean gap = new AtomicBoolean();
  private final AtomicLong reconnects = new AtomicLong();
  private final ThreadPoolExecutor listeners;
  private volatile Connection connection;
  private volatile boolean closed;

  NatsClusterBus(NodeId node, String subject) {
    this.node = Objects.requireNonNull(node, "node");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.listeners =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(NatsCluster.QUEUE_CAPACITY),
            task -> {
              Thread thread = new Thread(task, "cluster-bus-nats-" + node.value());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts receiving on {@code connected}, which must have this bus as connection listener. */
  void start(Connection connected) {
    this.connection = connected;
    Dispatcher dispatcher = connected.createDispatcher(this::onMessage);
    dispatcher.subscribe(subject);
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public void publish(ClusterSignal signal) {
    Objects.requireNonNull(signal, "signal");
    requireOpen();
    try {
      connection.publish(subject, SignalCodec.encode(node, signal));
    } catch (IllegalStateException lost) {
      // The connection's reconnect buffer is full or the connection is closing: at most once.
    }
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
    boolean connected = !closed && connection.getStatus() == Connection.Status.CONNECTED;
    return new Health(connected, reconnects.get());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ClusterSubscriber subscriber : subscribers) {
      subscriber.close();
    }
    listeners.shutdownNow();
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void connectionEvent(Connection conn, Events type) {
    if (type == Events.RECONNECTED) {
      reconnects.incrementAndGet();
      // Whatever was published while this node was away is lost to it: tell the listeners.
      gap.set(true);
      enqueue(() -> {});
    }
  }

  private void onMessage(Message message) {
    ClusterBus.Received received;
    try {
      received = SignalCodec.decode(message.getData());
    } catch (InvalidInputException malformed) {
      // Not a signal this release can read (another version on the subject): it is lost.
      gap.set(true);
      enqueue(() -> {});
      return;
    }
    enqueue(() -> subscribers.forEach(subscriber -> subscriber.deliver(received)));
  }

  /** Runs {@code delivery} on the listener thread after any pending gap notice. */
  private void enqueue(Runnable delivery) {
    try {
      listeners.execute(
          () -> {
            if (gap.getAndSet(false)) {
              subscribers.forEach(ClusterSubscriber::gap);
            }
            delivery.run();
          });
    } catch (RejectedExecutionException full) {
      if (!closed) {
        // The queue is full, so a later task comes to report the gap.
        gap.set(true);
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("cluster bus of node " + node + " is closed");
    }
  }
}
