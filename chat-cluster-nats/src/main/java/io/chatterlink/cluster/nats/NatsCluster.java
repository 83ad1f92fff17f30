package io.chatterlink.cluster.nats;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Connects a node to the cluster bus over a NATS server ({@code nats-server}, NATS core: at most
 * once, nothing stored by NATS). All nodes of one cluster use the same server (or NATS cluster) and
 * the same subject.
 *
 * <pre>{@code
 * try (ClusterBus bus = NatsCluster.connect("nats://127.0.0.1:4222", new NodeId("n1"))) {
 *   bus.subscribe(received -> ...);
 *   bus.publish(new ClusterSignal.RoomAdvanced(room, seq));
 * }
 * }</pre>
 *
 * <p>Limits: a lost connection is retried every {@link #RECONNECT_WAIT} without end; {@link
 * #QUEUE_CAPACITY} signals may wait for this node's listeners; signals published while disconnected
 * are kept in the client's buffer up to {@link #RECONNECT_BUFFER_BYTES}, then dropped.
 */
public final class NatsCluster {
  /** The subject all nodes use unless told otherwise. */
  public static final String DEFAULT_SUBJECT = "chatterlink.cluster";

  /** Pause between two attempts to reconnect. */
  public static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

  /** How long the first connection may take before {@link #connect} gives up. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Signals that may wait for this node's listeners before new ones are dropped (a gap). */
  public static final int QUEUE_CAPACITY = 10_000;

  /** Bytes of signals kept while disconnected (several thousand signals); more are dropped. */
  public static final long RECONNECT_BUFFER_BYTES = 1024 * 1024;

  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private NatsCluster() {}

  /**
   * {@link #connect(String, NodeId, String)} on {@link #DEFAULT_SUBJECT}.
   *
   * @param serverUrl the NATS server, such as {@code nats://127.0.0.1:4222}
   * @param node this server process's name in the cluster
   * @return the connected bus; close it to disconnect
   * @throws InvalidInputException if the URL is not a NATS URL
   * @throws UnavailableException if the server cannot be reached within {@link #CONNECT_TIMEOUT}
   */
  public static ClusterBus connect(String serverUrl, NodeId node) {
    return connect(serverUrl, node, DEFAULT_SUBJECT);
  }

  /**
   * Connects {@code node} to the NATS server at {@code serverUrl} (such as {@code
   * nats://127.0.0.1:4222}) and subscribes to {@code subject}. Close the returned bus to
   * disconnect.
   *
   * @param serverUrl the NATS server; every node of the cluster uses the same one (or cluster)
   * @param node this server process's name in the cluster, unique among the nodes
   * @param subject the subject signals are published on; nodes on other subjects do not hear each
   *     other
   * @return the connected bus; close it to disconnect
   * @throws InvalidInputException if the URL is not a NATS URL, or the subject is not dot-separated
   *     tokens of letters, digits, '-' and '_' (no wildcards)
   * @throws UnavailableException if the server cannot be reached within {@link #CONNECT_TIMEOUT}
   */
  public static ClusterBus connect(String serverUrl, NodeId node, String subject) {
    if (!SUBJECT.matcher(subject).matches()) {
      throw new InvalidInputException("NATS subject must be tokens like a.b-c_d, was " + subject);
    }
    Options.Builder builder;
    try {
      builder = Options.builder().server(serverUrl);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a NATS server URL: " + serverUrl);
    }
    NatsClusterBus bus = new NatsClusterBus(node, subject);
    Options options =
        builder
            .connectionName("chatterlink-" + node.value())
            .connectionTimeout(CONNECT_TIMEOUT)
            .maxReconnects(-1)
            .reconnectWait(RECONNECT_WAIT)
            .reconnectBufferSize(RECONNECT_BUFFER_BYTES)
            .connectionListener(bus)
            .build();
    try {
      Connection connection = Nats.connect(options);
      bus.start(connection);
      connection.flush(CONNECT_TIMEOUT);
      return bus;
    } catch (IOException | java.util.concurrent.TimeoutException e) {
      bus.close();
      throw new UnavailableException("cannot reach the NATS server at " + serverUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      bus.close();
      throw new UnavailableException("interrupted connecting to " + serverUrl, e);
    }
  }
}
