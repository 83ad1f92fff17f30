package io.chatterlink.transport.websocket;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A push serialised once for all its recipients, with what a connection needs to filter it without
 * parsing it again.
 *
 * @param json the frame's text
 * @param sequencedRoom for message/edit/delete pushes: the room whose subscription gates it
 * @param seq the log seq of a sequenced push; 0 otherwise
 * @param departed for member.left/removed: who left {@code room}, so that their own connections
 *     drop the subscription
 * @param room the room of a departure
 */
record OutboundFrame(
    String json,
    Optional<RoomId> sequencedRoom,
    long seq,
    Optional<UserId> departed,
    Optional<RoomId> room) {
  OutboundFrame {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sequencedRoom, "sequencedRoom");
    Objects.requireNonNull(departed, "departed");
    Objects.requireNonNull(room, "room");
  }

  static OutboundFrame plain(String json) {
    return new OutboundFrame(json, Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  static OutboundFrame sequenced(String json, RoomId room, long seq) {
    return new OutboundFrame(json, Optional.of(room), seq, Optional.empty(), Optional.empty());
  }

  static OutboundFrame departure(String json, RoomId room, UserId user) {
    return new OutboundFrame(json, Optional.empty(), 0, Optional.of(user), Optional.of(room));
  }
}
