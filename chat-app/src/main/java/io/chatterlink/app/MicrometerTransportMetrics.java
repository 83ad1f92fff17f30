package io.chatterlink.app;

import io.chatterlink.transport.websocket.TransportMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport's reports as Micrometer meters: the send-to-ack latency histogram, requests by type
 * and reply code, slow clients dropped (1013), requests refused by the rate limiter, and chat
 * connections open. The transport passes only request types the protocol defines and codes from the
 * core's error codes, so the number of series stays small and fixed whatever clients send.
 */
final class MicrometerTransportMetrics implements TransportMetrics {
  private static final String SEND = "send";
  private static final int OK = 200;

  private final MeterRegistry registry;
  private final AtomicInteger open = new AtomicInteger();
  private final Timer sendToAck;
  private final Counter drops;
  private final Counter rateLimited;
  private final Map<RequestKey, Counter> requests = new ConcurrentHashMap<>();

  MicrometerTransportMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("chatterlink.chat.connections", open, AtomicInteger::get)
        .description("Signed-in WebSocket connections registered with the transport now")
        .register(registry);
    this.sendToAck =
        Timer.builder("chatterlink.send.to.ack")
            .description(
                "Accepted sends, from the moment the transport read the frame to the moment its ack"
                    + " was queued; the message is durably stored by then")
            .publishPercentileHistogram()
            .register(registry);
    this.drops =
        Counter.builder("chatterlink.websocket.queue.drops")
            .description("Slow clients closed (1013) because their outbound queue was full")
            .register(registry);
    this.rateLimited =
        Counter.builder("chatterlink.websocket.rate.limited")
            .description("Requests refused (429) because their connection spent its budget")
            .register(registry);
  }

  @Override
  public void connectionOpened() {
    open.incrementAndGet();
  }

  @Override
  public void connectionClosed() {
    open.decrementAndGet();
  }

  @Override
  public void requestHandled(String type, long nanos, int code) {
    if (code == OK && SEND.equals(type)) {
      sendToAck.record(nanos, TimeUnit.NANOSECONDS);
    }
    requests.computeIfAbsent(new RequestKey(type, code), this::requestCounter).increment();
  }

  @Override
  public void slowConsumerDropped() {
    drops.increment();
  }

  @Override
  public void rateLimited() {
    rateLimited.increment();
  }

  private Counter requestCounter(RequestKey key) {
    return Counter.builder("chatterlink.websocket.requests")
        .description("WebSocket requests handled, by type and reply code")
        .tag("type", key.type())
        .tag("code", Integer.toString(key.code()))
        .register(registry);
  }

  /** One series of the request counter. */
  private record RequestKey(String type, int code) {}
}
