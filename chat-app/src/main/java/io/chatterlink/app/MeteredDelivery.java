package io.chatterlink.app;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/**
 * The transport's delivery, counting what the core hands it: events by kind and how many people
 * each is for (the fan-out). What happens after the hand-over (queueing, drops of slow clients) is
 * inside the transport and not visible here.
 */
final class MeteredDelivery implements Delivery {
  private final Delivery delivery;
  private final MeterRegistry registry;
  private final DistributionSummary fanOut;
  // One counter per event kind, looked up once: registering per event hashed the meter's tags on
  // every delivery (a few percent of the server's CPU in a busy room).
  private final ClassValue<Counter> delivered =
      new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> kind) {
          return Counter.builder("chatterlink.events.delivered")
              .description("Events handed to the transport, by kind")
              .tag("event", kind.getSimpleName())
              .register(registry);
        }
      };

  MeteredDelivery(Delivery delivery, MeterRegistry registry) {
    this.delivery = delivery;
    this.registry = registry;
    this.fanOut =
        DistributionSummary.builder("chatterlink.event.recipients")
            .description("People an event is delivered to")
            .register(registry);
  }

  @Override
  public void deliver(ChatEvent event, Set<UserId> recipients) {
    delivered.get(event.getClass()).increment();
    fanOut.record(recipients.size());
    delivery.deliver(event, recipients);
  }

  @Override
  public void closeSessions(Set<SessionId> sessions) {
    delivery.closeSessions(sessions);
  }

  @Override
  public void recheckSessions() {
    delivery.recheckSessions();
  }
}
