package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {
  private final ObjectMapper json = new ObjectMapper();

  private static RunResult result(double machineBusy) {
    return result(machineBusy, BenchSettingsTest.settings(50, 5, 1, Mode.CLOSED));
  }

  private static RunResult result(double machineBusy, BenchSettings settings) {
    Histogram latency = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    for (int i = 1; i <= 1000; i++) {
      latency.recordValue(i * 10L);
    }
    Histogram connect = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    connect.recordValue(2_000);
    Histogram sameTarget = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    Histogram crossTarget = new Histogram(Tally.HIGHEST_LATENCY_MICROS, 3);
    for (int i = 1; i <= 1000; i++) {
      (i % 4 == 0 ? sameTarget : crossTarget).recordValue(i * 10L);
    }
    Tally.Counts counts =
        new Tally.Counts(
            100,
            130,
            5_000,
            4_990,
            5_100,
            6_400,
            Map.of("timeout", 1L),
            latency,
            sameTarget,
            crossTarget);
    ServerSample server =
        new ServerSample(
            OptionalLong.of(99),
            OptionalLong.of(100_000),
            OptionalLong.of(150_000),
            OptionalLong.of(200_000),
            OptionalLong.of(190_000),
            OptionalLong.of(140_000),
            OptionalDouble.of(5.0));
    return new RunResult(
        settings,
        50,
        1.5,
        0.5,
        0.25,
        connect,
        connect,
        10.0,
        counts,
        Optional.empty(),
        server,
        OptionalDouble.of(4.0),
        OptionalDouble.of(machineBusy),
        2);
  }

  @Test
  void theJsonLineHasTheSharedLoadGeneratorsShape() throws Exception {
    JsonNode line = json.readTree(new Report(json).jsonLine(result(0.5), Instant.EPOCH));

    assertThat(line.path("throughput").path("sent_per_s").asDouble()).isEqualTo(10.0);
    assertThat(line.path("throughput").path("delivered_per_s").asDouble()).isEqualTo(510.0);
    assertThat(line.path("throughput").path("delivery_ratio").asDouble()).isEqualTo(0.998);
    assertThat(line.path("latency_ms").path("p50").asDouble()).isBetween(4.99, 5.01);
    assertThat(line.path("latency_ms").path("p99_9").asDouble()).isBetween(9.98, 10.01);
    assertThat(line.path("latency_ms").path("count").asLong()).isEqualTo(1000);
    assertThat(line.path("server").path("deliveries_per_cpu_s").asDouble()).isEqualTo(1020.0);
    assertThat(line.path("server").path("rss_per_idle_conn_kib").asDouble()).isEqualTo(1000.0);
    assertThat(line.path("server").path("rss_kib").path("idle_after_gc").asLong())
        .isEqualTo(140_000);
    assertThat(line.path("server").path("cpu_util").asDouble()).isEqualTo(0.5);
    assertThat(line.path("generator").path("other_cores").asDouble()).isEqualTo(0.1);
    assertThat(line.path("errors").path("timeout").asLong()).isEqualTo(1);
    assertThat(line.path("generator").path("saturated").asBoolean()).isFalse();
  }

  @Test
  void withOneTargetTheReportHasNoSameOrCrossTargetLatency() throws Exception {
    JsonNode line = json.readTree(new Report(json).jsonLine(result(0.5), Instant.EPOCH));

    assertThat(line.path("targets")).hasSize(1);
    assertThat(line.path("targets").get(0).path("clients").asInt()).isEqualTo(50);
    assertThat(line.has("latency_ms_cross_target")).isFalse();
    assertThat(new Report(json).table(result(0.5))).doesNotContain("cross target");
  }

  @Test
  void withSeveralTargetsTheReportGivesTheClientsOfEachAndTheCrossTargetLatency() throws Exception {
    Targets two =
        new Targets(
            List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082")),
            Spread.SENDERS_FIRST);
    RunResult r = result(0.5, BenchSettingsTest.settings(two, 50, 5, 1, Mode.CLOSED));

    JsonNode line = json.readTree(new Report(json).jsonLine(r, Instant.EPOCH));

    assertThat(line.path("url").asText()).isEqualTo("http://127.0.0.1:8081");
    assertThat(line.path("params").path("spread").asText()).isEqualTo("senders-first");
    assertThat(line.path("targets").get(0).path("clients").asInt()).isEqualTo(5);
    assertThat(line.path("targets").get(0).path("senders").asInt()).isEqualTo(5);
    assertThat(line.path("targets").get(1).path("url").asText()).isEqualTo("http://127.0.0.1:8082");
    assertThat(line.path("targets").get(1).path("clients").asInt()).isEqualTo(45);
    assertThat(line.path("targets").get(1).path("senders").asInt()).isZero();
    assertThat(line.path("latency_ms_cross_target").path("count").asLong()).isEqualTo(750);
    assertThat(line.path("latency_ms_same_target").path("count").asLong()).isEqualTo(250);
    assertThat(new Report(json).table(r))
        .contains("http://127.0.0.1:8082: 45 clients, 0 senders")
        .contains("cross target (750 deliveries)");
  }

  @Test
  void aNearlyFullMachineIsFlaggedAsAPossiblySaturatedGenerator() throws Exception {
    RunResult busy = result(0.97);

    assertThat(
            json.readTree(new Report(json).jsonLine(busy, Instant.EPOCH))
                .path("generator")
                .path("saturated")
                .asBoolean())
        .isTrue();
    assertThat(new Report(json).table(busy))
        .contains("GENERATOR SATURATED")
        .contains("deliveries/s");
  }
}
