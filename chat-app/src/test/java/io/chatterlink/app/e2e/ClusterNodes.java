package io.chatterlink.app.e2e;

import io.chatterlink.app.ChatServer;
import io.chatterlink.cluster.postgres.EmbeddedPostgresServer;
import io.chatterlink.crypto.ChatCrypto;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several in-process servers started as the README's cluster quick start says: one fresh PostgreSQL
 * database (on the embedded server), one bus, shared keys from the environment, a node id each.
 * Closing stops every node still running.
 */
final class ClusterNodes implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final List<ChatServer> nodes = new ArrayList<>();
  private final Map<String, String> shared = new HashMap<>();
  private final Path dataDir;

  /**
   * @param bus {@code postgres} or {@code nats}
   * @param natsUrl the NATS server (ignored for postgres)
   */
  ClusterNodes(String bus, String natsUrl, Path dataDir) {
    this.dataDir = dataDir;
    shared.put("DATABASE_URL", freshDatabase());
    shared.put("CLUSTER_BUS", bus);
    shared.put("NATS_URL", natsUrl);
    shared.put("FERNET_KEY", ChatCrypto.generateKey());
    shared.put("SECRET_KEY", "cluster-test-secret-" + ChatCrypto.generateKey());
    // The hot-room tests send faster than a person: the per-user abuse limit must not refuse them.
    shared.put("WS_REQUESTS_PER_SECOND", "1000");
    shared.put("WS_REQUEST_BURST", "1000");
    shared.put("UPLOAD_DIR", dataDir.resolve("shared-uploads").toString());
  }

  /** Starts {@code count} more nodes. */
  ClusterNodes start(int count) {
    for (int i = 0; i < count; i++) {
      int n = nodes.size() + 1;
      Map<String, String> env = new HashMap<>(shared);
      env.put("NODE_ID", "n" + n);
      nodes.add(TestServers.start(dataDir.resolve("n" + n), env));
    }
    return this;
  }

  ChatServer node(int index) {
    return nodes.get(index);
  }

  URI uri(int index) {
    return nodes.get(index).uri();
  }

  /** The settings every node shares (database, bus, keys). */
  Map<String, String> sharedSettings() {
    return Map.copyOf(shared);
  }

  @Override
  public void close() {
    for (ChatServer node : nodes) {
      node.close();
    }
  }

  /** A database of its own on the embedded server, so that tests never see each other's rooms. */
  private static String freshDatabase() {
    String admin = EmbeddedPostgresServer.jdbcUrl();
    String name = "cluster_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(admin, "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test database", e);
    }
    return admin.replace("/postgres?", "/" + name + "?") + "&password=postgres";
  }
}
