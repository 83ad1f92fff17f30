package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.testkit.contract.Concurrently;
import io.chatterlink.testkit.contract.DeliveryContract;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recorder passes the delivery contract as a model of connections: a connection of a user
 * receives what was recorded for that user while it was open, and it ends when its session is among
 * those asked to close.
 */
class RecordingDeliveryTest extends DeliveryContract {
  private final UserId alice = new UserId("alice");
  private final UserId bob = new UserId("bob");

  @Override
  protected Clients newClients() {
    return new RecordedClients(new RecordingDelivery());
  }

  /** Connections seen through the recorder: it records, these read what it recorded for them. */
  private static final class RecordedClients implements Clients {
    private final RecordingDelivery recording;

    RecordedClients(RecordingDelivery recording) {
      this.recording = recording;
    }

    @Override
    public Delivery delivery() {
      return recording;
    }

    @Override
    public UserId user(String name) {
      return new UserId(name);
    }

    @Override
    public RoomId room(String name, List<UserId> members) {
      return new RoomId(name);
    }

    @Override
    public Connection connect(UserId user, Set<RoomId> rooms) {
      return new RecordedConnection(recording, user, recording.delivered().size());
    }

    @Override
    public void close() {
      recording.clear();
    }
  }

  /** A connection opened when the recorder had recorded {@code openedAt} deliveries. */
  private static final class RecordedConnection implements Connection {
    private final RecordingDelivery recording;
    private final UserId user;
    private final SessionId session = SessionToken.random().id();
    private final int openedAt;
    private int closedAt = -1;

    RecordedConnection(RecordingDelivery recording, UserId user, int openedAt) {
      this.recording = recording;
      this.user = user;
      this.openedAt = openedAt;
    }

    @Override
    public SessionId session() {
      return session;
    }

    @Override
    public List<Received> awaitReceived(int count) {
      List<Delivered> all = recording.delivered();
      int end = closedAt < 0 ? all.size() : closedAt;
      return all.subList(openedAt, end).stream()
          .filter(d -> d.recipients().contains(user))
          .map(d -> Received.of(d.event()))
          .collect(Collectors.toList());
    }

    /** Ends, as a real connection would, when the recorder was asked to close its session. */
    @Override
    public boolean awaitClosed() {
      if (closedAt < 0 && recording.closedSessions().contains(session)) {
        closedAt = recording.delivered().size();
      }
      return closedAt >= 0;
    }
  }

  private static ChatEvent presence(String user) {
    return new PresenceChanged(
        new PresenceView(new UserId(user), PresenceStatus.ONLINE, Optional.empty()));
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
