package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.testkit.contract.Concurrently;
import io.chatterlink.testkit.contract.DeliveryContract;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordingDeliveryTest extends DeliveryContract {
  private final UserId alice = new UserId("alice");
  private final UserId bob = new UserId("bob");

  @Override
  protected Delivery newDelivery() {
    return new RecordingDelivery();
  }

  private RecordingDelivery recording() {
    return (RecordingDelivery) delivery;
  }

  @Test
  void everyDeliveryIsRecordedInOrderWithItsRecipients() {
    ChatEvent first = presence("carol");
    ChatEvent second = presence("dave");

    delivery.deliver(first, Set.of(alice, bob));
    delivery.deliver(second, Set.of(bob));

    assertThat(recording().delivered())
        .containsExactly(
            new Delivered(first, Set.of(alice, bob)), new Delivered(second, Set.of(bob)));
    assertThat(recording().eventsFor(alice)).containsExactly(first);
    assertThat(recording().eventsFor(bob)).containsExactly(first, second);
    assertThat(recording().eventsFor(new UserId("nobody"))).isEmpty();
  }

  @Test
  void laterChangesToTheCallersRecipientSetDoNotRewriteHistory() {
    Set<UserId> recipients = new HashSet<>(Set.of(alice));
    delivery.deliver(presence("carol"), recipients);

    recipients.add(bob);

    assertThat(recording().eventsFor(bob)).isEmpty();
  }

  @Test
  void closedSessionsAccumulateInTheOrderAsked() {
    SessionId first = SessionToken.random().id();
    SessionId second = SessionToken.random().id();

    delivery.closeSessions(Set.of(first));
    delivery.closeSessions(Set.of(second, first));

    assertThat(recording().closedSessions()).containsExactly(first, second);
  }

  @Test
  void clearingForgetsDeliveriesAndClosedSessions() {
    delivery.deliver(presence("carol"), Set.of(alice));
    delivery.closeSessions(Set.of(SessionToken.random().id()));

    recording().clear();

    assertThat(recording().delivered()).isEmpty();
    assertThat(recording().eventsFor(alice)).isEmpty();
    assertThat(recording().closedSessions()).isEmpty();
  }

  @Test
  void concurrentDeliveriesAreAllRecorded() {
    Concurrently.run(
        4,
        t -> {
          for (int i = 0; i < 100; i++) {
            delivery.deliver(presence("user-" + t), Set.of(alice));
          }
          return t;
        });

    assertThat(recording().delivered()).hasSize(400);
    assertThat(recording().eventsFor(alice)).hasSize(400);
  }
}
