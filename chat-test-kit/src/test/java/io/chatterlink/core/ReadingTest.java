package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.TrackReading;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadingTest {
  private final CoreFixture f = new CoreFixture();
  private final TrackReading reading = f.core.reading();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final RoomId general = f.publicRoom(alice, "general");

  ReadingTest() {
    f.core.rooms().joinRoom(bob, general);
    for (int i = 1; i <= 4; i++) {
      f.post(alice, general, "m" + i);
    }
    f.delivery().clear();
  }

  @Test
  void markingReadLowersTheUnreadCountAndTellsOnlyTheReader() {
    reading.markRead(bob, general, 3);

    assertThat(reading.unreadCounts(bob)).isEqualTo(Map.of(general, 1L));
    assertThat(f.delivery().delivered())
        .containsExactly(new Delivered(new ReadMarkerMoved(general, bob, 3), Set.of(bob)));
  }

  @Test
  void theMarkerNeverMovesBackAndARepeatTellsNobody() {
    reading.markRead(bob, general, 3);
    reading.markRead(bob, general, 2);
    reading.markRead(bob, general, 3);

    assertThat(reading.unreadCounts(bob)).isEqualTo(Map.of(general, 1L));
    assertThat(f.delivery().delivered()).hasSize(1);
  }

  @Test
  void aSeqPastTheEndIsClampedToTheLastSeq() {
    reading.markRead(bob, general, 1_000);
    f.post(alice, general, "m5");

    assertThat(f.eventsFor(bob, ReadMarkerMoved.class))
        .containsExactly(new ReadMarkerMoved(general, bob, 4));
    assertThat(reading.unreadCounts(bob)).isEqualTo(Map.of(general, 1L));
  }

  @Test
  void onlyMembersMayMoveAMarkerAndSeqsAreNotNegative() {
    UserId outsider = f.register("outsider");

    assertThatThrownBy(() -> reading.markRead(outsider, general, 1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> reading.markRead(bob, general, -1))
        .isInstanceOf(InvalidInputException.class);
    assertThat(reading.unreadCounts(outsider)).isEmpty();
  }

  @Test
  void unreadCountsCoverEveryRoomOfTheUserAndIgnoreTheirOwnMessages() {
    RoomId quiet = f.publicRoom(bob, "quiet");
    f.post(bob, quiet, "talking to myself");

    assertThat(reading.unreadCounts(bob)).isEqualTo(Map.of(general, 4L, quiet, 0L));
  }
}
