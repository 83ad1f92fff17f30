package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerTransportMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerTransportMetrics metrics = new MicrometerTransportMetrics(registry);

  @Test
  void onlyAcceptedSendsGoIntoTheSendToAckHistogram() {
    metrics.requestHandled("send", Duration.ofMillis(3).toNanos(), 200);
    metrics.requestHandled("send", Duration.ofMillis(50).toNanos(), 403);
    metrics.requestHandled("history", Duration.ofMillis(70).toNanos(), 200);

    var sendToAck = registry.get("chatterlink.send.to.ack").timer();
    assertThat(sendToAck.count()).isEqualTo(1);
    assertThat(sendToAck.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
  }

  @Test
  void everyHandledRequestIsCountedByTypeAndCode() {
    metrics.requestHandled("send", 1, 200);
    metrics.requestHandled("send", 1, 200);
    metrics.requestHandled("send", 1, 404);

    assertThat(count("send", "200")).isEqualTo(2.0);
    assertThat(count("send", "404")).isEqualTo(1.0);
  }

  @Test
  void dropsAndRateLimitedRequestsAreCounted() {
    metrics.slowConsumerDropped();
    metrics.rateLimited();
    metrics.rateLimited();

    assertThat(registry.get("chatterlink.websocket.queue.drops").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("chatterlink.websocket.rate.limited").counter().count()).isEqualTo(2.0);
  }

  @Test
  void theConnectionGaugeFollowsOpensAndCloses() {
    metrics.connectionOpened();
    metrics.connectionOpened();
    metrics.connectionClosed();

    assertThat(registry.get("chatterlink.chat.connections").gauge().value()).isEqualTo(1.0);
  }

  private double count(String type, String code) {
    return registry
        .get("chatterlink.websocket.requests")
        .tag("type", type)
        .tag("code", code)
        .counter()
        .count();
  }
}
