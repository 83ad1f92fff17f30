package io.chatterlink.cluster.nats;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.testkit.contract.ClusterBusContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The bus contract with each node on its own NATS connection to one real nats-server. */
class NatsClusterBusTest extends ClusterBusContract {
  @TempDir static Path dir;
  private static NatsServer server;

  @BeforeAll
  static void startServer() {
    server = NatsServer.start(dir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** A subject of its own per test, so that one test's signals never reach another's nodes. */
  @Override
  protected List<ClusterBus> newNodes(int count) {
    String subject = "test." + UUID.randomUUID();
    List<ClusterBus> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      nodes.add(NatsCluster.connect(server.url(), new NodeId("node-" + i), subject));
    }
    return nodes;
  }
}
