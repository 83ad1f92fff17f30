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
  public ClusterStatus {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(busLagMillis, "busLagMillis");
  }
}
