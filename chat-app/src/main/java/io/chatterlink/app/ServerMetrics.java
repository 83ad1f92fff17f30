package io.chatterlink.app;

import io.chatterlink.core.ClusterStatus;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.transport.websocket.TransportMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's meters, exposed at {@code /metrics}: messages stored (a counter: its rate is
 * messages per second), what the transport reports (send-to-ack latency histogram, requests, queue
 * drops, rate limiting, chat connections), events handed to the transport and their fan-out, open
 * WebSocket connections, and the JVM's memory, threads, GC and CPU.
 *
 * <p>The JVM's meters are bound by {@link #bindJvmMetricsInBackground()}, which the server calls
 * once it listens: binding them loads the JDK's management classes, about a tenth of a second that
 * serving does not need. A scrape waits until they are bound, so every scrape shows them.
 */
final class ServerMetrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final FutureTask<Void> jvmMetrics = new FutureTask<>(this::bindJvmMetrics, null);
  private final AtomicBoolean jvmMetricsStarted = new AtomicBoolean();

  /** Starts binding the JVM's meters on a thread of its own; a second call does nothing. */
  void bindJvmMetricsInBackground() {
    if (jvmMetricsStarted.compareAndSet(false, true)) {
      Thread binder = new Thread(jvmMetrics, "chatterlink-jvm-metrics");
      binder.setDaemon(true);
      binder.start();
    }
  }

  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** Every meter, in the Prometheus text format; waits for the JVM's meters being bound. */
  String scrape() {
    awaitJvmMetrics();
    return registry.scrape();
  }

  private void awaitJvmMetrics() {
    if (!jvmMetricsStarted.get()) {
      return;
    }
    try {
      jvmMetrics.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("event=jvm_metrics_unbound error={}", e.getCause().getClass().getSimpleName());
    }
  }

  /** {@code store}, counting what it stores. */
  MessageStore meter(MessageStore store) {
    return new MeteredMessageStore(store, registry);
  }

  /** {@code delivery}, counting events by kind and their recipients. */
  Delivery meter(Delivery delivery) {
    return new MeteredDelivery(delivery, registry);
  }

  /** What to give {@code WebSocketTransport.create}: its reports become meters here. */
  TransportMetrics transport() {
    return new MicrometerTransportMetrics(registry);
  }

  /** {@code handler}, counting the WebSocket connections it opens. */
  ConnectionGauge countConnections(HttpHandler handler) {
    return new ConnectionGauge(handler, registry);
  }

  /**
   * The cluster's meters for a node: {@code chatterlink_cluster_bus_connected} (1 or 0), {@code
   * chatterlink_cluster_bus_reconnects}, {@code chatterlink_cluster_bus_lag_seconds} (how long the
   * node's last heartbeat took to come back over the bus), {@code chatterlink_cluster_nodes} (live
   * nodes this one hears, itself included), {@code chatterlink_cluster_log_reads_total}; each
   * tagged with the node id.
   */
  void bindCluster(Supplier<Optional<ClusterStatus>> status, NodeId node) {
    Tags tags = Tags.of("node", node.value());
    Gauge.builder(
            "chatterlink.cluster.bus.connected",
            () -> status.get().map(s -> s.busConnected() ? 1 : 0).orElse(0))
        .description("Whether this node's cluster bus is connected")
        .tags(tags)
        .register(registry);
    Gauge.builder(
            "chatterlink.cluster.bus.reconnects",
            () -> status.get().map(ClusterStatus::busReconnects).orElse(0L))
        .description("How often the cluster bus lost its connection and got it back")
        .tags(tags)
        .register(registry);
    Gauge.builder(
            "chatterlink.cluster.bus.lag",
            () ->
                status
                    .get()
                    .flatMap(s -> s.busLagMillis().stream().boxed().findFirst())
                    .map(ms -> ms / 1000.0)
                    .orElse(Double.NaN))
        .description("How long this node's last heartbeat took to come back over the bus")
        .baseUnit("seconds")
        .tags(tags)
        .register(registry);
    Gauge.builder(
            "chatterlink.cluster.nodes", () -> status.get().map(ClusterStatus::liveNodes).orElse(0))
        .description("Nodes this one hears from within the presence lease, itself included")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder(
            "chatterlink.cluster.log.reads",
            status,
            s -> s.get().map(ClusterStatus::logReads).orElse(0L))
        .description("Reads of other nodes' entries from the log (once per room per pointer batch)")
        .tags(tags)
        .register(registry);
  }

  /** Waits for the JVM's meters if they are being bound, then closes the registry. */
  @Override
  public void close() {
    awaitJvmMetrics();
    gc.close();
    registry.close();
  }
}
