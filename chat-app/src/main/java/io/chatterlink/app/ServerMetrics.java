package io.chatterlink.app;

import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.transport.websocket.TransportMetrics;
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
 * messages per second), what the transport reports (send-to-ack latency histogram, requests, queue
 * drops, rate limiting, chat connections), events handed to the transport and their fan-out, open
 * WebSocket connections, and the JVM's memory, threads, GC and CPU.
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

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
