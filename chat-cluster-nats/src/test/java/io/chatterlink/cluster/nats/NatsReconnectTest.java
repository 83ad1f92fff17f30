package io.chatterlink.cluster.nats;

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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when the NATS server goes away and comes back, or was never there. */
class NatsReconnectTest {
  /** Only stops a broken reconnect from hanging the build; it measures nothing. */
  private static final long HANG_GUARD_MILLIS = TimeUnit.SECONDS.toMillis(30);

  @TempDir Path dir;

  @Test
  void afterTheServerRestartsBothNodesReconnectAndSignalsPublishedThenArriveInOrder() {
    try (NatsServer server = NatsServer.start(dir);
        ClusterBus a = NatsCluster.connect(server.url(), new NodeId("a"), "restart");
        ClusterBus b = NatsCluster.connect(server.url(), new NodeId("b"), "restart")) {
      SignalCollector onB = new SignalCollector();
      b.subscribe(onB);
      a.publish(advanced("before", 1));
      onB.awaitSignal(a.node(), advanced("before", 1));

      server.restart();
      await(() -> a.health().reconnects() == 1 && b.health().reconnects() == 1);
      await(() -> a.health().connected() && b.health().connected());
      await(() -> onB.gaps() == 1);

      // The server learns of b's subscription shortly after b reconnects: probe until it has.
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

      List<ClusterSignal> arrived =
          onB.from(a.node()).stream().filter(s -> inRoom(s, "after")).collect(Collectors.toList());
      assertThat(arrived).isEqualTo(after);
    }
  }

  @Test
  void connectingWhereNoServerListensFailsAsUnavailable() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String url = "nats://127.0.0.1:" + port;

    assertThatThrownBy(() -> NatsCluster.connect(url, new NodeId("a")))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(url);
  }

  @Test
  void aSubjectWithWildcardsOrSpacesIsRefused() {
    for (String subject : List.of("a.*", "a.>", "a b", "", ".a", "a..b")) {
      assertThatThrownBy(() -> NatsCluster.connect("nats://127.0.0.1:1", new NodeId("a"), subject))
          .as(subject)
          .isInstanceOf(InvalidInputException.class);
    }
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
