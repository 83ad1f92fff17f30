package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.AppConfig;
import io.chatterlink.app.ChatServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench against a whole server on an ephemeral port: it registers, joins, connects and
 * subscribes over the real protocol, and every message it sends reaches every member. The rate
 * stays under the server's default request budget (10 per second per connection).
 */
class BenchAgainstARealServerIT {
  @TempDir Path dataDir;

  private ChatServer start() {
    Map<String, String> env =
        Map.of(
            "PORT",
            "0",
            "HOST",
            "127.0.0.1",
            "DATA_DIR",
            dataDir.toString(),
            "SHUTDOWN_GRACE_SECONDS",
            "2");
    return ChatServer.start(AppConfig.load(env, dataDir));
  }

  private static BenchSettings openLoop(Targets targets, int clients, int senders, int rooms) {
    return new BenchSettings(
        targets,
        clients,
        senders,
        rooms,
        3,
        Mode.OPEN,
        1,
        4,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        100,
        0,
        4,
        OptionalLong.of(ProcessHandle.current().pid()),
        "it");
  }

  @Test
  void anOpenLoopRunDeliversEveryMessageToEveryMemberOfEachRoom() throws Exception {
    try (ChatServer server = start()) {
      BenchSettings settings =
          openLoop(Targets.one(URI.create("http://127.0.0.1:" + server.port())), 4, 2, 2);

      RunResult result = new LoadRun(settings, ProcessStats.system()).run("bench-it-password-123");

      Tally.Counts counts = result.counts();
      assertThat(result.connected()).isEqualTo(4);
      assertThat(counts.errors()).isEmpty();
      assertThat(counts.sentMeasured()).isPositive();
      // two rooms of two members: every message makes two deliveries
      assertThat(counts.expectedMeasured()).isEqualTo(2 * counts.sentMeasured());
      assertThat(counts.deliveredMeasured()).isEqualTo(counts.expectedMeasured());
      assertThat(result.deliveryRatio()).hasValue(1.0);
      assertThat(counts.latencyMicros().getTotalCount()).isEqualTo(counts.deliveredMeasured());
      assertThat(counts.crossTargetLatencyMicros().getTotalCount()).isZero();
      assertThat(result.server().cpuSeconds()).isPresent();
      assertThat(result.server().rssIdleKiB()).isPresent();
    }
  }

  /**
   * Two URLs of one server stand in for two nodes: the clients connect through both, and each
   * delivery to a receiver placed on the other URL than its sender counts as cross-target.
   */
  @Test
  void withSendersFirstEveryDeliveryToAReceiverIsCrossTarget() throws Exception {
    try (ChatServer server = start()) {
      URI base = URI.create("http://127.0.0.1:" + server.port());
      Targets two = new Targets(List.of(base, base.resolve("/")), Spread.SENDERS_FIRST);
      BenchSettings settings = openLoop(two, 4, 1, 1);

      RunResult result = new LoadRun(settings, ProcessStats.system()).run("bench-it-password-123");

      Tally.Counts counts = result.counts();
      assertThat(settings.clientsOn(0)).isEqualTo(1);
      assertThat(settings.clientsOn(1)).isEqualTo(3);
      assertThat(counts.errors()).isEmpty();
      assertThat(result.deliveryRatio()).hasValue(1.0);
      // one room of four: the sender's own echo stays on its target, the three others cross
      assertThat(counts.sameTargetLatencyMicros().getTotalCount()).isEqualTo(counts.sentMeasured());
      assertThat(counts.crossTargetLatencyMicros().getTotalCount())
          .isEqualTo(3 * counts.sentMeasured());
    }
  }
}
