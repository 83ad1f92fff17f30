package io.chatterlink.cluster.postgres;

import io.chatterlink.core.cluster.ClusterSubscriber;
import io.chatterlink.core.cluster.SignalCodec;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A {@link ClusterBus} over PostgreSQL {@code LISTEN/NOTIFY} on one channel. Two connections of its
 * own: a listener (its thread polls notifications and calls this node's listeners, so it must be a
 * direct connection, not through PgBouncer's transaction pooling) and a publisher (its thread sends
 * what is queued in one transaction per batch, because a committing {@code NOTIFY} takes a global
 * lock). PostgreSQL delivers notices in commit order, so one publisher's order holds. A lost
 * connection is reopened every {@link PostgresCluster#RECONNECT_WAIT}; after the listener's reopens
 * every listener gets {@link Listener#onGap()}.
 */
final class PostgresClusterBus implements ClusterBus {
  private static final int POLL_MILLIS = 200;
  private static final int MAX_BATCH = 500;

  private final ConnectionFactory connections;
  private final NodeId node;
  private final String channel;
  private final List<ClusterSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> outbox =
      new ArrayBlockingQueue<>(PostgresCluster.QUEUE_CAPACITY);
  private final AtomicLong reconnects = new AtomicLong();
  private final Thread listenerThread;
  private final Thread publisherThread;
  private Connection listening;
  private Connection publishing;
  private volatile boolean connected;
  private volatile boolean closed;

  /** Opens and returns a new JDBC connection, or throws. */
  interface ConnectionFactory {
    Connection open(String role) throws SQLException;
  }

  PostgresClusterBus(ConnectionFactory connections, NodeId node, String channel)
      throws SQLException {
    this.connections = connections;
    this.node = Objects.requireNonNull(node, "node");
    this.channel = channel;
    listening = listen();
    try {
      publishing = connections.open("publish");
    } catch (SQLException e) {
      listening.close();
      throw e;
    }
    connected = true;
    listenerThread = new Thread(this::pollLoop, "cluster-bus-pg-listen-" + node.value());
    publisherThread = new Thread(this::publishLoop, "cluster-bus-pg-publish-" + node.value());
    listenerThread.setDaemon(true);
    publisherThread.setDaemon(true);
    listenerThread.start();
    publisherThread.start();
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public void publish(ClusterSignal signal) {
    Objects.requireNonNull(signal, "signal");
    requireOpen();
    // A full outbox drops the signal: at most once.
    outbox.offer(Base64.getEncoder().encodeToString(SignalCodec.encode(node, signal)));
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
    return new Health(connected && !closed, reconnects.get());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connected = false;
    for (ClusterSubscriber subscriber : subscribers) {
      subscriber.close();
    }
    listenerThread.interrupt();
    publisherThread.interrupt();
    join(listenerThread);
    join(publisherThread);
    closeQuietly(listening);
    closeQuietly(publishing);
  }

  private Connection listen() throws SQLException {
    Connection connection = connections.open("listen");
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + channel);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private void pollLoop() {
    while (!closed) {
      try {
        if (listening == null) {
          listening = listen();
          connected = true;
          reconnects.incrementAndGet();
          subscribers.forEach(ClusterSubscriber::gap);
        }
        PGNotification[] notices =
            listening.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
        for (PGNotification notice : notices == null ? new PGNotification[0] : notices) {
          deliver(notice.getParameter());
        }
      } catch (SQLException e) {
        connected = false;
        closeQuietly(listening);
        listening = null;
        pause();
      }
    }
  }

  private void deliver(String payload) {
    Received received;
    try {
      received = SignalCodec.decode(Base64.getDecoder().decode(payload));
    } catch (InvalidInputException | IllegalArgumentException malformed) {
      // Not a signal this release can read: it is lost.
      subscribers.forEach(ClusterSubscriber::gap);
      return;
    }
    subscribers.forEach(subscriber -> subscriber.deliver(received));
  }

  private void publishLoop() {
    List<String> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(outbox.take());
      } catch (InterruptedException e) {
        return;
      }
      outbox.drainTo(batch, MAX_BATCH - 1);
      try {
        if (publishing == null) {
          publishing = connections.open("publish");
        }
        send(batch);
      } catch (SQLException e) {
        // The batch is lost (at most once); the next one reopens the connection.
        closeQuietly(publishing);
        publishing = null;
        pause();
      }
      batch.clear();
    }
  }

  private void send(List<String> batch) throws SQLException {
    publishing.setAutoCommit(false);
    try (PreparedStatement notify = publishing.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (String payload : batch) {
        notify.setString(1, channel);
        notify.setString(2, payload);
        notify.executeQuery().close();
      }
      publishing.commit();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("cluster bus of node " + node + " is closed");
    }
  }

  private void pause() {
    try {
      Thread.sleep(PostgresCluster.RECONNECT_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(PostgresCluster.RECONNECT_WAIT.toMillis() * 4);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Already broken: nothing more to release.
    }
  }
}
