package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMetricsTest {
  @Test
  void aScrapeAfterTheJvmMetersWereStartedShowsThemAll() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      metrics.bindJvmMetricsInBackground();

      assertThat(metrics.scrape())
          .contains("jvm_memory_used_bytes")
          .contains("jvm_threads_live_threads")
          .contains("system_cpu_count")
          .contains("process_uptime_seconds")
          .contains("jvm_gc_memory_allocated_bytes_total");
    }
  }

  @Test
  void untilTheyAreStartedAScrapeDoesNotWaitForThem() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      assertThat(metrics.scrape()).doesNotContain("jvm_memory_used_bytes");
    }
  }

  @Test
  void startingTwiceBindsOnce() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      metrics.bindJvmMetricsInBackground();
      metrics.bindJvmMetricsInBackground();

      String scrape = metrics.scrape();
      assertThat(scrape.indexOf("# TYPE system_cpu_count"))
          .isEqualTo(scrape.lastIndexOf("# TYPE system_cpu_count"))
          .isNotNegative();
    }
  }

  @Test
  void aClusterNodesScrapeShowsItsBusAndItsNodeId() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      io.chatterlink.core.ClusterStatus status =
          new io.chatterlink.core.ClusterStatus(
              new io.chatterlink.core.model.NodeId("n2"),
              true,
              3,
              java.util.OptionalLong.of(12),
              3,
              7);
      metrics.bindCluster(() -> java.util.Optional.of(status), status.node());

      assertThat(metrics.scrape())
          .contains("chatterlink_cluster_bus_connected{node=\"n2\"} 1.0")
          .contains("chatterlink_cluster_bus_reconnects{node=\"n2\"} 3.0")
          .contains("chatterlink_cluster_bus_lag_seconds{node=\"n2\"} 0.012")
          .contains("chatterlink_cluster_nodes{node=\"n2\"} 3.0")
          .contains("chatterlink_cluster_log_reads_total{node=\"n2\"} 7.0");
    }
  }
}
