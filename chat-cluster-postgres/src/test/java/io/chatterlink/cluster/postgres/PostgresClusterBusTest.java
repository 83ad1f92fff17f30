package io.chatterlink.cluster.postgres;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.testkit.contract.ClusterBusContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The bus contract with each node on its own connections to one embedded PostgreSQL. */
class PostgresClusterBusTest extends ClusterBusContract {
  private static final AtomicInteger clusters = new AtomicInteger();

  /** A channel of its own per test, so that one test's signals never reach another's nodes. */
  @Override
  protected List<ClusterBus> newNodes(int count) {
    String channel = "test_" + clusters.incrementAndGet();
    List<ClusterBus> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      nodes.add(
          PostgresCluster.connect(
              EmbeddedPostgresServer.jdbcUrl(),
              "postgres",
              "postgres",
              new NodeId("node-" + i),
              channel));
    }
    return nodes;
  }
}
