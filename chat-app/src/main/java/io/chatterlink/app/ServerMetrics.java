package io.chatterlink.app;

import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageStore;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;

/**
 * The server's meters, exposed at {@code /metrics}: messages stored (a counter: its rate is
 * messages per second), append latency (a histogram), events handed to the transport and their
 * fan-out, open WebSocket connections, and the JVM's memory, threads, GC and CPU.
 */
final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** {@code store}, counting and timing appends. */
  MessageStore meter(MessageStore store) {
    return new MeteredMessageStore(store, registry);
  }

  /** {@code delivery}, counting events by kind and their recipients. */
  Delivery meter(Delivery delivery) {
    return new MeteredDelivery(delivery, registry);
  }

  /** {@code handler}, counting the WebSocket connections it opens. */
  ConnectionGauge countConnections(HttpHandler handler) {
    return new ConnectionGauge(handler, registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
