package io.chatterlink.app;

import io.chatterlink.core.model.NodeId;
import java.util.Objects;

/**
 * Whether this server is one node of a cluster, and how it reaches the others.
 *
 * @param bus the cluster bus ({@code CLUSTER_BUS}); {@link Bus#NONE} runs a single node
 * @param node this node's id ({@code NODE_ID}), sent with each of its signals and shown in metrics
 * @param natsUrl the NATS server for {@link Bus#NATS} ({@code NATS_URL})
 */
public record ClusterConfig(Bus bus, NodeId node, String natsUrl) {
  /** The cluster bus a node uses ({@code CLUSTER_BUS}). */
  public enum Bus {
    /** A single node: nothing is sent to other processes (the default). */
    NONE,
    /** PostgreSQL's LISTEN/NOTIFY on the database the nodes share: no other infrastructure. */
    POSTGRES,
    /** A NATS server ({@code NATS_URL}), for larger clusters. */
    NATS
  }

  public ClusterConfig {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(natsUrl, "natsUrl");
  }

  /** Whether this server shares its database with other nodes. */
  public boolean clustered() {
    return bus != Bus.NONE;
  }
}
