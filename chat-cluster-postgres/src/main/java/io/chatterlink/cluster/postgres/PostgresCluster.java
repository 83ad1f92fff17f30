package io.chatterlink.cluster.postgres;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Connects a node to the cluster bus over PostgreSQL {@code LISTEN/NOTIFY}: no infrastructure
 * beyond the database the nodes share. Two direct connections per node (not through PgBouncer's
 * transaction pooling, where {@code LISTEN} does not work).
 *
 * <p>Limits: {@link #QUEUE_CAPACITY} signals may wait to be sent (more are dropped); a lost
 * connection is reopened every {@link #RECONNECT_WAIT} without end.
 */
public final class PostgresCluster {
  /** The channel all nodes use unless told otherwise. */
  public static final String DEFAULT_CHANNEL = "chatterlink_cluster";

  /** Pause before reopening a lost connection. */
  public static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

  /** Signals that may wait for the publisher connection before new ones are dropped. */
  public static final int QUEUE_CAPACITY = 10_000;

  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private PostgresCluster() {}

  /**
   * Where the bus gets its connections: each call returns a new physical connection to the database
   * (not one from a pool, and not through PgBouncer's transaction pooling, where {@code LISTEN}
   * does not work). The bus closes what it opened.
   */
  @FunctionalInterface
  public interface ConnectionSource {
    /**
     * Opens a connection.
     *
     * @return a new connection, which the bus closes
     * @throws SQLException if the database cannot be reached (the bus retries)
     */
    Connection open() throws SQLException;
  }

  /**
   * Opens the node's two connections from {@code connections} (for instance the storage's own
   * direct connections, so that the bus needs no settings of its own) and listens on {@link
   * #DEFAULT_CHANNEL}. Close the bus to disconnect.
   *
   * @param connections where the bus opens (and, after a loss, reopens) its two connections
   * @param node this server process's name in the cluster
   * @return the connected bus; close it to disconnect
   * @throws UnavailableException if the database cannot be reached
   */
  public static ClusterBus connect(ConnectionSource connections, NodeId node) {
    try {
      return new PostgresClusterBus(
          role -> {
            Connection connection;
            try {
              connection = connections.open();
            } catch (RuntimeException e) {
              // The reconnect loops retry on SQLException: an unchecked failure would end them.
              throw new SQLException("cannot open a connection for the cluster bus", e);
            }
            // Named as connect(url, ...) names its own, so operators see them in pg_stat_activity
            // (node ids are letters, digits, '.', '_' and '-' only: safe inside the literal).
            try (Statement statement = connection.createStatement()) {
              statement.execute(
                  "SET application_name = 'chatterlink-bus-" + role + "-" + node.value() + "'");
            } catch (SQLException e) {
              connection.close();
              throw e;
            }
            return connection;
          },
          node,
          DEFAULT_CHANNEL);
    } catch (SQLException e) {
      throw new UnavailableException("cannot open the cluster bus", e);
    }
  }

  /**
   * {@link #connect(String, String, String, NodeId, String)} on {@link #DEFAULT_CHANNEL}.
   *
   * @param jdbcUrl the PostgreSQL database every node of the cluster uses
   * @param user the database user
   * @param password the user's password
   * @param node this server process's name in the cluster
   * @return the connected bus; close it to disconnect
   * @throws UnavailableException if the database cannot be reached
   */
  public static ClusterBus connect(String jdbcUrl, String user, String password, NodeId node) {
    return connect(jdbcUrl, user, password, node, DEFAULT_CHANNEL);
  }

  /**
   * Opens the node's two connections to {@code jdbcUrl} (such as {@code
   * jdbc:postgresql://host:5432/chat}) and listens on {@code channel}. Close the bus to disconnect.
   *
   * @param jdbcUrl the PostgreSQL database every node of the cluster uses; the bus needs no tables
   * @param user the database user
   * @param password the user's password
   * @param node this server process's name in the cluster, unique among the nodes
   * @param channel the LISTEN/NOTIFY channel; nodes on other channels do not hear each other
   * @return the connected bus; close it to disconnect
   * @throws InvalidInputException if the channel is not 1 to 63 of {@code [a-z0-9_]}, not starting
   *     with a digit
   * @throws UnavailableException if the database cannot be reached
   */
  public static ClusterBus connect(
      String jdbcUrl, String user, String password, NodeId node, String channel) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new InvalidInputException(
          "PostgreSQL channel must match [a-z_][a-z0-9_]*, was " + channel);
    }
    try {
      return new PostgresClusterBus(
          role -> {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", "chatterlink-bus-" + role + "-" + node);
            return DriverManager.getConnection(jdbcUrl, properties);
          },
          node,
          channel);
    } catch (SQLException e) {
      throw new UnavailableException("cannot open the cluster bus on " + jdbcUrl, e);
    }
  }
}
