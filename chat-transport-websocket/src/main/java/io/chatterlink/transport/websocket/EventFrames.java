package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberLeft;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.policy.Timestamps;

/** Turns the core's events into the pushes of {@code docs/protocol.md} section 5. */
final class EventFrames {
  private EventFrames() {}

  /** The push for an event, serialised once whatever the number of recipients. */
  static OutboundFrame encode(ChatEvent event) {
    if (event instanceof SequencedEvent) {
      SequencedEvent s = (SequencedEvent) event;
      return OutboundFrame.sequenced(Json.write(sequenced(s)), s.roomId(), s.seq());
    } else if (event instanceof MemberLeft) {
      MemberLeft e = (MemberLeft) event;
      ObjectNode n = push("member.left", e.roomId().value());
      n.put("user", e.userId().value());
      return OutboundFrame.departure(Json.write(n), e.roomId(), e.userId());
    } else if (event instanceof MemberRemoved) {
      MemberRemoved e = (MemberRemoved) event;
      ObjectNode n = push("member.removed", e.roomId().value());
      n.put("user", e.userId().value());
      n.put("removedBy", e.removedBy().value());
      return OutboundFrame.departure(Json.write(n), e.roomId(), e.userId());
    }
    return OutboundFrame.plain(Json.write(ephemeral(event)));
  }

  /** A log entry as a push; also used when replaying the log on subscribe. */
  static ObjectNode sequenced(SequencedEvent event) {
    if (event instanceof MessagePosted) {
      MessagePosted e = (MessagePosted) event;
      ObjectNode n = push("message", e.roomId().value());
      n.put("seq", e.seq());
      n.set("message", Wire.message(e.message()));
      return n;
    } else if (event instanceof MessageEdited) {
      MessageEdited e = (MessageEdited) event;
      ObjectNode n = push("edit", e.roomId().value());
      n.put("seq", e.seq());
      n.set("message", Wire.message(e.message()));
      return n;
    } else if (event instanceof MessageDeleted) {
      MessageDeleted e = (MessageDeleted) event;
      ObjectNode n = push("delete", e.roomId().value());
      n.put("seq", e.seq());
      n.put("messageId", e.messageId().value());
      n.put("at", Timestamps.format(e.at()));
      return n;
    }
    throw new AssertionError(event);
  }

  private static ObjectNode ephemeral(ChatEvent event) {
    if (event instanceof TypingChanged) {
      TypingChanged e = (TypingChanged) event;
      ObjectNode n = push("typing", e.roomId().value());
      n.put("user", e.userId().value());
      n.put("typing", e.typing());
      return n;
    } else if (event instanceof ReadMarkerMoved) {
      ReadMarkerMoved e = (ReadMarkerMoved) event;
      ObjectNode n = push("read", e.roomId().value());
      n.put("user", e.userId().value());
      n.put("seq", e.seq());
      return n;
    } else if (event instanceof PresenceChanged) {
      ObjectNode n = Json.object();
      n.put("type", "presence");
      n.set("presence", Wire.presence(((PresenceChanged) event).presence()));
      return n;
    } else if (event instanceof MemberJoined) {
      MemberJoined e = (MemberJoined) event;
      ObjectNode n = Json.object();
      n.put("type", "member.joined");
      n.set("room", Wire.room(e.room()));
      n.set("member", Wire.member(e.member()));
      return n;
    } else if (event instanceof PublicRoomCreated) {
      ObjectNode n = Json.object();
      n.put("type", "room.created");
      n.set("room", Wire.room(((PublicRoomCreated) event).room()));
      return n;
    } else if (event instanceof RoomChanged) {
      RoomChanged e = (RoomChanged) event;
      ObjectNode n = push("room.changed", e.roomId().value());
      n.put("name", e.name());
      return n;
    }
    throw new AssertionError(event);
  }

  private static ObjectNode push(String type, String room) {
    ObjectNode n = Json.object();
    n.put("type", type);
    n.put("room", room);
    return n;
  }
}
