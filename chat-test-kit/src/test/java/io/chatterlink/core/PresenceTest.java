package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresenceTest {
  private final CoreFixture f = new CoreFixture();
  private final TrackPresence presence = f.core.presence();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId stranger = f.register("stranger");
  private final RoomId general = f.publicRoom(alice, "general");

  PresenceTest() {
    f.core.rooms().joinRoom(bob, general);
    f.delivery().clear();
  }

  @Test
  void aUserWithSeveralConnectionsIsOnlineOnceAndOfflineWhenTheLastCloses() {
    presence.connected(alice, "laptop");
    presence.connected(alice, "phone");
    f.clock.advance(Duration.ofMinutes(5));
    presence.disconnected(alice, "laptop");
    assertThat(statusesSentAbout(alice)).containsExactly(PresenceStatus.ONLINE);

    presence.disconnected(alice, "phone");

    assertThat(statusesSentAbout(alice))
        .containsExactly(PresenceStatus.ONLINE, PresenceStatus.OFFLINE);
    assertThat(presence.presenceIn(bob, general))
        .contains(
            new PresenceView(
                alice,
                PresenceStatus.OFFLINE,
                Optional.of(CoreFixture.START.plus(Duration.ofMinutes(5)))));
  }

  @Test
  void presenceGoesToEveryoneSharingARoomAndToTheUserOnly() {
    presence.connected(alice, "laptop");

    assertThat(f.delivery().delivered())
        .singleElement()
        .extracting(Delivered::recipients)
        .isEqualTo(Set.of(alice, bob));
  }

  @Test
  void awayAndBackAreReportedButRepeatsAreNot() {
    presence.connected(alice, "laptop");
    presence.setStatus(alice, PresenceStatus.AWAY);
    presence.setStatus(alice, PresenceStatus.AWAY);
    presence.setStatus(alice, PresenceStatus.ONLINE);

    assertThat(statusesSentAbout(alice))
        .containsExactly(PresenceStatus.ONLINE, PresenceStatus.AWAY, PresenceStatus.ONLINE);
  }

  @Test
  void aUserWithoutConnectionsStaysOfflineWhateverTheyClaim() {
    presence.setStatus(alice, PresenceStatus.ONLINE);
    presence.disconnected(alice, "never-opened");

    assertThat(f.delivery().delivered()).isEmpty();
    assertThat(presence.presenceIn(bob, general))
        .contains(new PresenceView(alice, PresenceStatus.OFFLINE, Optional.empty()));
    assertThatThrownBy(() -> presence.setStatus(alice, PresenceStatus.OFFLINE))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void lastSeenIsStoredSoThatACoreStartedLaterOnTheSameStorageStillKnowsIt() {
    presence.connected(bob, "phone");
    f.clock.advance(Duration.ofMinutes(5));
    presence.disconnected(bob, "phone");
    Instant left = f.clock.instant();

    ChatCore restarted = f.adapters.coreBuilderWithTestOnlyCrypto().clock(f.clock).build();

    assertThat(restarted.presence().presenceIn(alice, general))
        .containsExactly(
            new PresenceView(alice, PresenceStatus.OFFLINE, Optional.empty()),
            new PresenceView(bob, PresenceStatus.OFFLINE, Optional.of(left)));
  }

  @Test
  void presenceInARoomIsForItsMembersOnly() {
    presence.connected(bob, "phone");

    assertThat(presence.presenceIn(alice, general))
        .extracting(PresenceView::status)
        .containsExactly(PresenceStatus.OFFLINE, PresenceStatus.ONLINE);
    assertThatThrownBy(() -> presence.presenceIn(stranger, general))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void concurrentConnectionsAndDisconnectionsEndOfflineWithOneEventPerChange() throws Exception {
    int connections = 200;
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int offset = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = offset; i < connections; i += threads.length) {
                  presence.connected(alice, "c" + i);
                  presence.disconnected(alice, "c" + i);
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    var statuses = statusesSentAbout(alice);
    assertThat(statuses).isNotEmpty().endsWith(PresenceStatus.OFFLINE);
    for (int i = 1; i < statuses.size(); i++) {
      assertThat(statuses.get(i)).as("changes alternate").isNotEqualTo(statuses.get(i - 1));
    }
  }

  private java.util.List<PresenceStatus> statusesSentAbout(UserId user) {
    return f.delivery().delivered().stream()
        .map(Delivered::event)
        .filter(PresenceChanged.class::isInstance)
        .map(e -> ((PresenceChanged) e).presence())
        .filter(p -> p.userId().equals(user))
        .map(PresenceView::status)
        .toList();
  }
}
