package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pushes that overtook their predecessors wait, in order, for the gap to close. */
class EarlyFramesTest {
  private final RoomId room = new RoomId("r-1");
  private final EarlyFrames early = new EarlyFrames();

  private static OutboundFrame frame(String text) {
    return OutboundFrame.plain(text);
  }

  private static List<String> texts(List<OutboundFrame> frames) {
    return frames.stream().map(OutboundFrame::json).toList();
  }

  @Test
  void heldPushesAreReleasedInSeqOrderUpToTheNextGap() {
    early.hold(room, 5, frame("five"), 0);
    early.hold(room, 3, frame("three"), 0);
    early.hold(room, 4, frame("four"), 0);

    assertThat(texts(early.releaseAfter(room, 2))).containsExactly("three", "four", "five");
    assertThat(early.isEmpty()).isTrue();
  }

  @Test
  void aPushBeyondAnotherGapStaysHeld() {
    early.hold(room, 3, frame("three"), 0);
    early.hold(room, 5, frame("five"), 0);

    assertThat(texts(early.releaseAfter(room, 2))).containsExactly("three");
    assertThat(early.isEmpty()).isFalse();
    assertThat(texts(early.releaseAfter(room, 4))).containsExactly("five");
  }

  @Test
  void heldPushesAlreadySentByAReplayAreDropped() {
    early.hold(room, 3, frame("three"), 0);
    early.hold(room, 4, frame("four"), 0);

    assertThat(texts(early.releaseAfter(room, 3))).containsExactly("four");
  }

  @Test
  void aGapBecomesOverdueAfterTheGrace() {
    long grace = EarlyFrames.GRACE.toNanos();
    early.hold(room, 3, frame("three"), 100);

    assertThat(early.overdue(100 + grace - 1)).isEmpty();
    assertThat(early.nanosUntilOverdue(100)).hasValue(grace);
    assertThat(early.overdue(100 + grace)).contains(room);
    early.forget(room);
    assertThat(early.nanosUntilOverdue(100)).isEmpty();
  }

  @Test
  void aRoomHoldsAtMostTheLimit() {
    for (int i = 0; i < EarlyFrames.MAX_FRAMES_PER_ROOM; i++) {
      assertThat(early.hold(room, 10 + i, frame("x"), 0)).isTrue();
    }

    assertThat(early.hold(room, 1_000, frame("x"), 0)).isFalse();
  }
}
