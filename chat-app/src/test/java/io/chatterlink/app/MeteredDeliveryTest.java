package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.testkit.inmemory.RecordingDelivery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the core hands the transport, counted by kind, and passed on unchanged. */
class MeteredDeliveryTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingDelivery transport = new RecordingDelivery();
  private final MeteredDelivery metered = new MeteredDelivery(transport, registry);

  @Test
  void eventsAreCountedByKindWithTheirFanOutAndPassedOn() {
    ChatEvent typing = new TypingChanged(new RoomId("r"), new UserId("a"), true);
    Set<UserId> three = Set.of(new UserId("a"), new UserId("b"), new UserId("c"));

    metered.deliver(typing, three);
    metered.deliver(typing, Set.of(new UserId("b")));

    assertThat(
            registry
                .get("chatterlink.events.delivered")
                .tag("event", "TypingChanged")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("chatterlink.event.recipients").summary().totalAmount()).isEqualTo(4);
    assertThat(transport.delivered()).hasSize(2);
  }
}
