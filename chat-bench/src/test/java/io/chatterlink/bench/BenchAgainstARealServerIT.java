package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.AppConfig;
import io.chatterlink.app.ChatServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void anOpenLoopRunDeliversEveryMessageToEveryMemberOfEachRoom() throws Exception {
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
    try (ChatServer server = ChatServer.start(AppConfig.load(env, dataDir))) {
      long self = ProcessHandle.current().pid();
      BenchSettings settings =
          new BenchSettings(
              URI.create("http://127.0.0.1:" + server.port()),
              4,
              2,
              2,
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
              OptionalLong.of(self),
              "it");

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
      assertThat(result.server().cpuSeconds()).isPresent();
      assertThat(result.server().rssIdleKiB()).isPresent();
    }
  }
}
