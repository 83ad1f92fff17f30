package io.chatterlink.transport.websocket.internal.protocol;

import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.port.in.FetchHistory.HistoryPage;
import io.chatterlink.core.port.in.SendMessages.SendResult;
import java.util.List;

/**
 * What a successful reply carries ({@code data} of {@code docs/protocol.md} section 4), one record
 * per shape; {@link ServerFrames#reply} writes it.
 */
public sealed interface Reply {
  /** {@code data: {}}. */
  Reply EMPTY = new Empty();

  /** Nothing to say but success. */
  record Empty() implements Reply {}

  /** The reply to {@code rooms}. */
  record Rooms(List<RoomSummary> rooms) implements Reply {
    public Rooms {
      rooms = List.copyOf(rooms);
    }
  }

  /** The reply to {@code subscribe}, after the replay: the room and the last seq sent. */
  record Subscribed(RoomId room, long seq) implements Reply {}

  /** The ack of {@code send}. */
  record Sent(SendResult result) implements Reply {}

  /** The reply to {@code edit}: the message as it now is. */
  record Edited(MessageView message) implements Reply {}

  /** The reply to {@code history}. */
  record Page(HistoryPage page) implements Reply {}

  /** The reply to {@code presence.query}. */
  record Presence(RoomId room, List<PresenceView> presence) implements Reply {
    public Presence {
      presence = List.copyOf(presence);
    }
  }
}
