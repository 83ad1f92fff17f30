package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.testkit.contract.DeliveryContract;
import org.junit.jupiter.api.Test;

/** {@link Delivery#none()}: the delivery contract, and a whole core that runs without clients. */
class NoDeliveryTest extends DeliveryContract {
  @Override
  protected Delivery newDelivery() {
    return Delivery.none();
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
