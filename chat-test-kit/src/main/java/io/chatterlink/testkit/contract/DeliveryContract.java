package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Delivery} accepts whatever is connected: the core delivers to users who may
 * have no open connection and closes sessions that may have none, from many threads at once, and a
 * delivery must never fail it for that. What reaches a connection is tested by each adapter with
 * real connections.
 */
public abstract class DeliveryContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected DeliveryContract() {}

  /** The delivery under test, fresh for each test. */
  protected Delivery delivery;

  /**
   * A new delivery with no open connection.
   *
   * @return the delivery under test
   */
  protected abstract Delivery newDelivery();

  @BeforeEach
  final void createDelivery() {
    delivery = newDelivery();
  }

  @Test
  void deliveringToNobodySucceeds() {
    assertThatCode(() -> delivery.deliver(presence("alice"), Set.of())).doesNotThrowAnyException();
  }

  @Test
  void deliveringToUsersWithoutConnectionsSucceeds() {
    Set<UserId> offline = Set.of(new UserId("offline-1"), new UserId("offline-2"));

    assertThatCode(() -> delivery.deliver(presence("alice"), offline)).doesNotThrowAnyException();
  }

  @Test
  void closingSessionsWithoutConnectionsSucceeds() {
    assertThatCode(() -> delivery.closeSessions(Set.of())).doesNotThrowAnyException();
    assertThatCode(
            () ->
                delivery.closeSessions(
                    Set.of(SessionToken.random().id(), SessionToken.random().id())))
        .doesNotThrowAnyException();
  }

  @Test
  void manyThreadsMayDeliverAtOnce() {
    assertThatCode(
            () ->
                Concurrently.run(
                    4,
                    t -> {
                      for (int i = 0; i < 100; i++) {
                        delivery.deliver(presence("user-" + t), Set.of(new UserId("peer-" + i)));
                      }
                      return t;
                    }))
        .doesNotThrowAnyException();
  }

  /**
   * A small event that needs no room.
   *
   * @param user the id of the user who came online
   * @return a presence change
   */
  protected static ChatEvent presence(String user) {
    return new PresenceChanged(
        new PresenceView(new UserId(user), PresenceStatus.ONLINE, Optional.empty()));
  }
}
