package io.chatterlink.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.PresenceOnNode;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.core.port.out.ClusterSignal.Typing;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalCodecTest {
  private static final NodeId NODE = new NodeId("x".repeat(64));

  @Test
  void everyKindOfSignalDecodesToWhatWasEncoded() {
    List<ClusterSignal> samples =
        List.of(
            new RoomAdvanced(new RoomId("r".repeat(64)), Long.MAX_VALUE),
            new ClusterSignal.MembershipChanged(
                new RoomId("general"),
                new UserId("alice"),
                ClusterSignal.MembershipChanged.Change.JOINED,
                Optional.empty()),
            new ClusterSignal.MembershipChanged(
                new RoomId("general"),
                new UserId("alice"),
                ClusterSignal.MembershipChanged.Change.REMOVED,
                Optional.of(new UserId("bob"))),
            new ClusterSignal.SessionsRevoked(),
            new ClusterSignal.RoomRenamed(new RoomId("general")),
            new ClusterSignal.PublicRoomOpened(new RoomId("general")),
            new ClusterSignal.ReadMarkerMoved(new RoomId("general"), new UserId("bob"), 42),
            new ClusterSignal.NodeAlive(1_700_000_000_000L),
            new ClusterSignal.PresenceWanted(),
            new PresenceOnNode(new UserId("bob"), PresenceStatus.AWAY),
            new Typing(new RoomId("general"), new UserId("bob"), true),
            new Typing(new RoomId("general"), new UserId("bob"), false));

    for (ClusterSignal signal : samples) {
      assertThat(SignalCodec.decode(SignalCodec.encode(NODE, signal)))
          .isEqualTo(new ClusterBus.Received(NODE, signal));
    }
  }

  @Test
  void theLargestSignalFitsWellInsideTheLimit() {
    String longest = "y".repeat(64);
    byte[] bytes =
        SignalCodec.encode(NODE, new Typing(new RoomId(longest), new UserId(longest), true));

    assertThat(bytes.length).isLessThan(SignalCodec.MAX_BYTES / 2);
  }

  @Test
  void aPayloadWithBytesLeftOverIsRefused() {
    byte[] bytes = SignalCodec.encode(NODE, new RoomAdvanced(new RoomId("r"), 7));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

    assertThatThrownBy(() -> SignalCodec.decode(longer))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after the signal");
  }

  @Test
  void aTruncatedPayloadIsRefused() {
    byte[] bytes = SignalCodec.encode(NODE, new RoomAdvanced(new RoomId("r"), 7));
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> SignalCodec.decode(truncated))
          .as("first %d bytes", length)
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void anotherFormatVersionAnUnknownKindOrAnOversizedPayloadIsRefused() {
    byte[] bytes = SignalCodec.encode(new NodeId("n"), new RoomAdvanced(new RoomId("r"), 7));
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 1;
    byte[] unknownKind = bytes.clone();
    unknownKind[4] = 99; // version (1), node id length (2), "n" (1), then the kind
    byte[] oversized = new byte[SignalCodec.MAX_BYTES + 1];

    assertThatThrownBy(() -> SignalCodec.decode(otherVersion)).hasMessageContaining("version 1");
    assertThatThrownBy(() -> SignalCodec.decode(unknownKind)).hasMessageContaining("kind 99");
    assertThatThrownBy(() -> SignalCodec.decode(oversized)).hasMessageContaining("bytes");
  }

  @Test
  void anInvalidIdOrSeqInsideAPayloadIsRefused() {
    byte[] bytes = SignalCodec.encode(new NodeId("n"), new RoomAdvanced(new RoomId("r"), 7));
    byte[] badId = bytes.clone();
    badId[3] = ' '; // the node id "n" becomes " "
    byte[] zeroSeq = bytes.clone();
    Arrays.fill(zeroSeq, zeroSeq.length - 8, zeroSeq.length, (byte) 0);

    assertThatThrownBy(() -> SignalCodec.decode(badId))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("NodeId");
    assertThatThrownBy(() -> SignalCodec.decode(zeroSeq))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("seq");
  }
}
