package io.chatterlink.app;

import io.chatterlink.cluster.nats.NatsCluster;
import io.chatterlink.cluster.postgres.PostgresCluster;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.persistence.JooqStorage;
import java.util.Optional;

/** Opens the cluster bus {@code CLUSTER_BUS} names, or none for a single node. */
final class ClusterBuses {
  private ClusterBuses() {}

  /**
   * The bus of this node, connected; empty for a single node.
   *
   * @throws ConfigException if the bus cannot be reached at start (a node that cannot hear the
   *     others must not serve: it would show stale rooms and presence)
   */
  static Optional<ClusterBus> open(ClusterConfig cluster, JooqStorage storage) {
    try {
      return switch (cluster.bus()) {
        case NONE -> Optional.empty();
        // The bus takes direct connections of its own: LISTEN needs a session no pool shares.
        case POSTGRES ->
            Optional.of(PostgresCluster.connect(storage::openDirectConnection, cluster.node()));
        case NATS -> Optional.of(NatsCluster.connect(cluster.natsUrl(), cluster.node()));
      };
    } catch (UnavailableException e) {
      throw new ConfigException(
          Settings.CLUSTER_BUS,
          "is "
              + cluster.bus().name().toLowerCase(java.util.Locale.ROOT)
              + " but the bus cannot be reached ("
              + e.getMessage()
              + ")");
    }
  }
}
