package io.chatterlink.cluster.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.testkit.contract.SignalCollector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What happens when the bus's connections are killed, or the database was never there. */
class PostgresReconnectTest {
  /** Only stops a broken reconnect from hanging the build; it measures nothing. */
  private static final long HANG_GUARD_MILLIS = TimeUnit.SECONDS.toMillis(30);

  @Test
  void afterItsConnectionsAreKilledANodeReconnectsReportsAGapAndLaterSignalsArriveInOrder()
      throws SQLException {
    String url = EmbeddedPostgresServer.jdbcUrl();
    try (ClusterBus a = PostgresCluster.connect(url, "postgres", "postgres", node("a"), "cut");
        ClusterBus b = PostgresCluster.connect(url, "postgres", "postgres", node("b"), "cut")) {
      SignalCollector onB = new SignalCollector();
      b.subscribe(onB);
      a.publish(advanced("before", 1));
      onB.awaitSignal(a.node(), advanced("before", 1));

      assertThat(terminate(url, "chatterlink-bus-%-b")).isEqualTo(2);
      assertThat(terminate(url, "chatterlink-bus-publish-a")).isEqualTo(1);
      await(() -> b.health().reconnects() == 1 && b.health().connected());
      await(() -> onB.gaps() == 1);
      assertThat(a.health().reconnects()).isZero();

      // a's first batch after the cut is lost with its connection: probe until one arrives.
      long probe = 0;
      while (onB.from(a.node()).stream().noneMatch(s -> inRoom(s, "probe"))) {
        a.publish(advanced("probe", ++probe));
        sleep(50);
        assertThat(probe).as("probes sent").isLessThan(HANG_GUARD_MILLIS / 50);
      }
      List<ClusterSignal> after =
          IntStream.rangeClosed(1, 100)
              .mapToObj(seq -> advanced("after", seq))
              .collect(Collectors.toList());
      after.forEach(a::publish);
      onB.awaitSignal(a.node(), after.get(after.size() - 1));

      assertThat(
              onB.from(a.node()).stream()
                  .filter(s -> inRoom(s, "after"))
                  .collect(Collectors.toList()))
          .isEqualTo(after);
    }
  }

  @Test
  void connectingWhereNoDatabaseListensFailsAsUnavailable() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/none";

    assertThatThrownBy(() -> PostgresCluster.connect(url, "u", "p", node("a")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(url);
  }

  @Test
  void aChannelThatIsNotAPlainIdentifierIsRefused() {
    for (String channel : List.of("", "Upper", "1st", "a-b", "a;drop", "x".repeat(64))) {
      assertThatThrownBy(
              () -> PostgresCluster.connect("jdbc:postgresql://h/d", "u", "p", node("a"), channel))
          .as(channel)
          .isInstanceOf(InvalidInputException.class);
    }
  }

  /** Ends the server processes of the matching bus connections; returns how many. */
  private static int terminate(String url, String applicationName) throws SQLException {
    try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres");
        Statement statement = admin.createStatement();
        ResultSet killed =
            statement.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name LIKE '"
                    + applicationName
                    + "'")) {
      killed.next();
      return killed.getInt(1);
    }
  }

  private static NodeId node(String id) {
    return new NodeId(id);
  }

  private static boolean inRoom(ClusterSignal signal, String room) {
    return signal instanceof RoomAdvanced advanced && advanced.room().value().equals(room);
  }

  private static ClusterSignal advanced(String room, long seq) {
    return new RoomAdvanced(new RoomId(room), seq);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MILLIS;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited too long").isLessThan(deadline);
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
