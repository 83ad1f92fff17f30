package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypingTest {
  private static final Duration EXPIRY = Duration.ofSeconds(Limits.TYPING_EXPIRY_SECONDS);

  private final CoreFixture f = new CoreFixture();
  private final TrackPresence presence = f.core.presence();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId carol = f.register("carol");
  private final RoomId general = f.publicRoom(alice, "general");

  TypingTest() {
    f.core.rooms().joinRoom(bob, general);
    f.core.rooms().joinRoom(carol, general);
    f.delivery().clear();
  }

  @Test
  void typingGoesToTheOtherMembersOnce() {
    presence.typing(alice, general, true);
    presence.typing(alice, general, true);
    presence.typing(alice, general, false);
    presence.typing(alice, general, false);

    assertThat(f.delivery().delivered())
        .containsExactly(
            new Delivered(new TypingChanged(general, alice, true), Set.of(bob, carol)),
            new Delivered(new TypingChanged(general, alice, false), Set.of(bob, carol)));
  }

  @Test
  void aStartExpiresAfterTheDocumentedSecondsByTheClock() {
    presence.typing(alice, general, true);

    f.clock.advance(EXPIRY.minusMillis(1));
    presence.expireTyping();
    assertThat(f.eventsFor(bob, TypingChanged.class)).hasSize(1);
    f.clock.advance(Duration.ofMillis(1));
    presence.expireTyping();
    presence.expireTyping();

    assertThat(f.eventsFor(bob, TypingChanged.class))
        .containsExactly(
            new TypingChanged(general, alice, true), new TypingChanged(general, alice, false));
  }

  @Test
  void aRepeatedStartPushesTheExpiryBack() {
    presence.typing(alice, general, true);
    f.clock.advance(EXPIRY.minusSeconds(1));
    presence.typing(alice, general, true);
    f.clock.advance(Duration.ofSeconds(2));

    presence.expireTyping();

    assertThat(f.eventsFor(bob, TypingChanged.class)).hasSize(1);
  }

  @Test
  void closingTheLastConnectionStopsTyping() {
    presence.connected(alice, "laptop");
    presence.connected(alice, "phone");
    presence.typing(alice, general, true);

    presence.disconnected(alice, "laptop");
    assertThat(f.eventsFor(bob, TypingChanged.class)).hasSize(1);
    presence.disconnected(alice, "phone");

    assertThat(f.eventsFor(bob, TypingChanged.class))
        .endsWith(new TypingChanged(general, alice, false));
    f.clock.advance(EXPIRY);
    presence.expireTyping();
    assertThat(f.eventsFor(bob, TypingChanged.class)).hasSize(2);
  }

  @Test
  void aNonMemberCannotTypeInARoom() {
    UserId stranger = f.register("stranger");

    assertThatThrownBy(() -> presence.typing(stranger, general, true))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.delivery().delivered()).isEmpty();
  }
}
