package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Gap-free, repeat-free log entries per room, whatever order the pushes arrive in. */
class RoomCursorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatCore core =
      InMemoryAdapters.create()
          .coreBuilderWithTestOnlyCrypto()
          .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC))
          .build();
  private final UserId alice =
      core.accounts()
          .register(new RegisterUser("alice", "correct horse battery", Optional.empty()))
          .id();
  private final RoomId room =
      core.rooms().createRoom(new CreateRoom(alice, "general", RoomKind.PUBLIC)).id();
  private final long[] now = {1_000};
  private final RoomCursors cursors = new RoomCursors(alice, core.history(), () -> now[0]);
  private final ArrayDeque<OutboundFrame> out = new ArrayDeque<>();

  private OutboundFrame post(int n) {
    return ServerFrames.push(
        new MessagePosted(
            core.messages()
                .send(
                    new SendMessage(
                        alice,
                        room,
                        new ClientMessageId("c" + n),
                        "text " + n,
                        List.of(),
                        Optional.empty()))
                .message()));
  }

  private List<Long> seqsSent() throws Exception {
    List<Long> seqs = new ArrayList<>();
    for (OutboundFrame sent : out) {
      JsonNode frame = JSON.readTree(sent.json());
      if (frame.has("seq") && !"reply".equals(frame.path("type").asText())) {
        seqs.add(frame.path("seq").asLong());
      }
    }
    return seqs;
  }

  private void drainCatchUp() {
    while (cursors.catchingUp()) {
      cursors.continueCatchUp(out);
    }
  }

  @Test
  void aSubscriptionReplaysTheLogAfterTheSeqThenReplies() throws Exception {
    post(1);
    post(2);
    post(3);

    cursors.startCatchUp(new Outbound.CatchUp(room, 1, Optional.of(RequestId.of("req"))));
    drainCatchUp();

    assertThat(seqsSent()).containsExactly(2L, 3L);
    assertThat(JSON.readTree(out.getLast().json()).path("data").path("seq").asLong()).isEqualTo(3);
  }

  @Test
  void pushesAlreadyReplayedAreDroppedAndTheNextOneGoesOut() throws Exception {
    OutboundFrame one = post(1);
    cursors.startCatchUp(new Outbound.CatchUp(room, 0, Optional.empty()));
    drainCatchUp();
    OutboundFrame two = post(2);

    assertThat(cursors.admit(one)).isEmpty();
    assertThat(cursors.admit(two)).containsSame(two);
  }

  private void admitAll(OutboundFrame... frames) {
    for (OutboundFrame frame : frames) {
      cursors.admit(frame).ifPresent(out::add);
      cursors.takeReleased(out);
    }
  }

  @Test
  void aPushAheadOfAGapWaitsForTheMissingOneAndFollowsIt() throws Exception {
    cursors.startCatchUp(new Outbound.CatchUp(room, 0, Optional.empty()));
    drainCatchUp();
    OutboundFrame one = post(1);
    OutboundFrame two = post(2);
    OutboundFrame three = post(3);

    admitAll(three, two);
    assertThat(seqsSent()).isEmpty();
    assertThat(cursors.catchingUp()).isFalse();
    admitAll(one, two);

    assertThat(seqsSent()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aGapStillOpenAfterTheGraceIsFilledFromTheLogAndLaterDuplicatesAreDropped() throws Exception {
    cursors.startCatchUp(new Outbound.CatchUp(room, 0, Optional.empty()));
    drainCatchUp();
    OutboundFrame one = post(1);
    OutboundFrame two = post(2);

    admitAll(two);
    assertThat(cursors.fillOverdueGap()).isFalse();
    assertThat(cursors.nanosUntilOverdue()).hasValue(EarlyFrames.GRACE.toNanos());
    now[0] += EarlyFrames.GRACE.toNanos();
    assertThat(cursors.fillOverdueGap()).isTrue();
    drainCatchUp();
    admitAll(one, two);

    assertThat(seqsSent()).containsExactly(1L, 2L);
    assertThat(cursors.nanosUntilOverdue()).isEmpty();
  }

  @Test
  void aRoomHoldingTooManyPushesFillsItsGapFromTheLog() throws Exception {
    cursors.startCatchUp(new Outbound.CatchUp(room, 0, Optional.empty()));
    drainCatchUp();
    post(1);
    List<OutboundFrame> ahead = new ArrayList<>();
    for (int n = 2; n <= EarlyFrames.MAX_FRAMES_PER_ROOM + 3; n++) {
      ahead.add(post(n));
    }

    admitAll(ahead.subList(0, EarlyFrames.MAX_FRAMES_PER_ROOM).toArray(OutboundFrame[]::new));
    assertThat(cursors.catchingUp()).isFalse();
    admitAll(ahead.get(EarlyFrames.MAX_FRAMES_PER_ROOM));
    assertThat(cursors.catchingUp()).isTrue();
    drainCatchUp();
    admitAll(ahead.get(EarlyFrames.MAX_FRAMES_PER_ROOM + 1));

    // the replay sent everything stored, once and in order; the late push is a duplicate
    assertThat(seqsSent())
        .containsExactlyElementsOf(
            LongStream.rangeClosed(1, EarlyFrames.MAX_FRAMES_PER_ROOM + 3).boxed().toList());
  }

  @Test
  void pushesOfRoomsNotSubscribedAreNotSent() {
    assertThat(cursors.admit(post(1))).isEmpty();
  }

  @Test
  void subscribingToARoomYouAreNotInRepliesNotFound() throws Exception {
    UserId bob =
        core.accounts()
            .register(new RegisterUser("bob", "correct horse battery", Optional.empty()))
            .id();
    RoomId secret = core.rooms().createRoom(new CreateRoom(bob, "secret", RoomKind.PRIVATE)).id();

    cursors.startCatchUp(new Outbound.CatchUp(secret, 0, Optional.of(RequestId.of("req"))));
    drainCatchUp();

    assertThat(JSON.readTree(out.getLast().json()).path("code").asInt()).isEqualTo(404);
  }
}
