package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.testkit.contract.Concurrently;
import io.chatterlink.testkit.contract.DeliveryContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Delivery#none()}: it holds no connections, so the delivery contract's "who receives what"
 * has no one to ask; what remains of it is that every call succeeds, from many threads, and that a
 * whole core runs on it without clients.
 */
class NoDeliveryTest {
  private final Delivery delivery = Delivery.none();

  @Test
  void deliveringToAnyoneAndClosingAnySessionsSucceedFromManyThreads() {
    RoomId room = new RoomId("r-1");
    assertThatCode(
            () ->
                Concurrently.run(
                    4,
                    t -> {
                      for (int i = 0; i < 100; i++) {
                        delivery.deliver(
                            new TypingChanged(room, new UserId("u-" + t), true),
                            Set.of(new UserId("peer-" + i)));
                        delivery.deliver(DeliveryContract.posted(room, i + 1), Set.of());
                        delivery.closeSessions(Set.of(SessionToken.random().id()));
                      }
                      return t;
                    }))
        .doesNotThrowAnyException();
  }

  @Test
  void aCoreWithoutConnectionsStoresMessagesAndEndsSessionsWhilePushingNothing() {
    CoreFixture f = new CoreFixture(b -> b.delivery(Delivery.none()));
    UserId alice = f.register("alice");
    RoomId general = f.publicRoom(alice, "general");
    var login = f.core.accounts().logIn(new LogIn("alice", CoreFixture.passwordOf("alice")));

    f.post(alice, general, "stored all the same");
    f.core.accounts().logOut(login.token());

    assertThat(f.core.history().page(alice, general, PageRequest.latest(10)).messages())
        .extracting(MessageView::text)
        .containsExactly("stored all the same");
    assertThat(f.core.accounts().authenticate(login.token())).isEmpty();
    assertThat(f.delivery().delivered()).as("the in-memory recorder was replaced").isEmpty();
  }

  @Test
  void itSaysWhatItIsWhenLogged() {
    assertThat(Delivery.none()).hasToString("Delivery.none()");
  }
}
