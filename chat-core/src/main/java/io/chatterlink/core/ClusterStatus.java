package io.chatterlink.core;

import io.chatterlink.core.model.NodeId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A cluster node's view of its cluster, for health checks and metrics.
 *
 * @param node this node's id
 * @param busConnected whether the cluster bus can send and receive now
 * @param busReconnects how often the bus lost its connection and got it back since start
 * @param busLagMillis how long this node's last heartbeat took to come back to it over the bus;
 *     empty until the first one did
 * @param liveNodes the nodes heard from within the presence lease, this one included
 * @param logReads how many times this node read other nodes' entries from the log (once per room
 *     per batch of pointers, however many connections receive them)
 */
public record ClusterStatus(
    NodeId node,
    boolean busConnected,
    long busReconnects,
    OptionalLong busLagMillis,
    int liveNodes,
    long logReads) {
  /**
   * Checks that the two object components are present; the numbers are reported as measured.
   *
   * @param node this node's id; required
   * @param busConnected whether the bus is connected now
   * @param busReconnects reconnections since start
   * @param busLagMillis the last heartbeat's round trip, or empty; required (never null)
   * @param liveNodes the nodes heard from within the presence lease
   * @param logReads reads of other nodes' entries from the log since start
   * @throws NullPointerException if {@code node} or {@code busLagMillis} is null
   */
  public ClusterStatus {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(busLagMillis, "busLagMillis");
  }
}
