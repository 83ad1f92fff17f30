package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;
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
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.policy.Timestamps;
import io.chatterlink.transport.websocket.TransportSettings;
import java.util.List;
import java.util.Optional;

/**
 * Every frame the server sends, written in this one place: {@code hello} (section 4.1), the reply
 * envelope with each {@link Reply}'s data and the errors (sections 2.2, 4 and 7), and the pushes
 * (section 5), the replayed log entries of a {@code subscribe} included. The shared shapes of
 * section 3 are {@link JsonShapes}.
 */
public final class ServerFrames {
  /** The protocol version this transport speaks. */
  public static final String PROTOCOL = "chatterlink.v1";

  private static final int OK = 200;

  private ServerFrames() {}

  /** The first frame of every connection: who you are, your rooms, and the limits. */
  public static String hello(
      String connectionId, UserView user, List<RoomSummary> rooms, TransportSettings s) {
    ObjectNode n = Json.object();
    n.put("type", "hello");
    n.put("protocol", PROTOCOL);
    n.put("connectionId", connectionId);
    n.set("user", JsonShapes.user(user));
    n.set("rooms", JsonShapes.rooms(rooms));
    ObjectNode limits = n.putObject("limits");
    limits.put("maxFrameBytes", s.maxFrameBytes());
    limits.put("maxMessageLength", Limits.MAX_MESSAGE_LENGTH);
    limits.put("maxAttachmentsPerMessage", Limits.MAX_ATTACHMENTS_PER_MESSAGE);
    limits.put("maxPageSize", Limits.MAX_PAGE_SIZE);
    limits.put("defaultPageSize", Limits.DEFAULT_PAGE_SIZE);
    limits.put("maxResyncBatch", Limits.MAX_RESYNC_BATCH);
    limits.put("requestsPerSecond", s.requestsPerSecond());
    limits.put("requestBurst", s.requestBurst());
    limits.put("maxRateViolations", s.maxRateViolations());
    limits.put("outboundQueueFrames", s.outboundQueueFrames());
    limits.put("pingIntervalSeconds", s.pingInterval().toSeconds());
    limits.put("idleTimeoutSeconds", s.idleTimeout().toSeconds());
    limits.put("typingExpirySeconds", Limits.TYPING_EXPIRY_SECONDS);
    limits.put("maxConnectionsPerUser", s.maxConnectionsPerUser());
    limits.put("maxConnectionsPerAddress", s.maxConnectionsPerAddress());
    return Json.write(n);
  }

  /** A success reply ({@code code} 200) to request {@code id}, carrying {@code reply}. */
  public static String reply(RequestId id, Reply reply) {
    ObjectNode n = envelope(Optional.of(id), OK);
    n.set("data", data(reply));
    return Json.write(n);
  }

  /** The error reply for a failure of the core. */
  public static String error(RequestId id, ChatException e) {
    return error(Optional.of(id), e.code(), e.getMessage());
  }

  /** An error reply; {@code id} is empty when none could be read ({@code "id": null}). */
  public static String error(Optional<RequestId> id, ErrorCode code, String message) {
    ObjectNode n = envelope(id, code.httpStatus());
    n.put("error", code.code());
    n.put("message", message);
    return Json.write(n);
  }

  /** The push for an event, serialised once whatever the number of recipients. */
  public static OutboundFrame push(ChatEvent event) {
    if (event instanceof SequencedEvent) {
      SequencedEvent s = (SequencedEvent) event;
      return OutboundFrame.sequenced(Json.write(logEntry(s)), s.roomId(), s.seq());
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

  /** A log entry replayed to one connection by {@code subscribe}: the same frame as its push. */
  public static OutboundFrame replayed(SequencedEvent event) {
    return OutboundFrame.plain(Json.write(logEntry(event)));
  }

  private static ObjectNode data(Reply reply) {
    ObjectNode data = Json.object();
    if (reply instanceof Reply.Empty) {
      return data;
    } else if (reply instanceof Reply.Rooms) {
      data.set("rooms", JsonShapes.rooms(((Reply.Rooms) reply).rooms()));
    } else if (reply instanceof Reply.Subscribed) {
      Reply.Subscribed subscribed = (Reply.Subscribed) reply;
      data.put("room", subscribed.room().value());
      data.put("seq", subscribed.seq());
    } else if (reply instanceof Reply.Sent) {
      Reply.Sent sent = (Reply.Sent) reply;
      MessageView m = sent.result().message();
      data.put("messageId", m.id().value());
      data.put("room", m.roomId().value());
      data.put("seq", m.seq());
      data.put("clientMessageId", m.clientMessageId().value());
      data.put("sentAt", Timestamps.format(m.sentAt()));
      data.put("duplicate", sent.result().duplicate());
    } else if (reply instanceof Reply.Edited) {
      data.set("message", JsonShapes.message(((Reply.Edited) reply).message()));
    } else if (reply instanceof Reply.Page) {
      Reply.Page page = (Reply.Page) reply;
      data.put("room", page.page().room().value());
      ArrayNode messages = data.putArray("messages");
      page.page().messages().forEach(m -> messages.add(JsonShapes.message(m)));
      data.put("hasMore", page.page().hasMore());
    } else if (reply instanceof Reply.Presence) {
      Reply.Presence presence = (Reply.Presence) reply;
      data.put("room", presence.room().value());
      ArrayNode list = data.putArray("presence");
      presence.presence().forEach(p -> list.add(JsonShapes.presence(p)));
    } else {
      throw new AssertionError(reply);
    }
    return data;
  }

  private static ObjectNode envelope(Optional<RequestId> id, int code) {
    ObjectNode n = Json.object();
    n.put("type", "reply");
    n.set("id", id.map(RequestId::json).orElse(n.nullNode()));
    n.put("code", code);
    return n;
  }

  private static ObjectNode logEntry(SequencedEvent event) {
    if (event instanceof MessagePosted) {
      MessagePosted e = (MessagePosted) event;
      ObjectNode n = push("message", e.roomId().value());
      n.put("seq", e.seq());
      n.set("message", JsonShapes.message(e.message()));
      return n;
    } else if (event instanceof MessageEdited) {
      MessageEdited e = (MessageEdited) event;
      ObjectNode n = push("edit", e.roomId().value());
      n.put("seq", e.seq());
      n.set("message", JsonShapes.message(e.message()));
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
      n.set("presence", JsonShapes.presence(((PresenceChanged) event).presence()));
      return n;
    } else if (event instanceof MemberJoined) {
      MemberJoined e = (MemberJoined) event;
      ObjectNode n = Json.object();
      n.put("type", "member.joined");
      n.set("room", JsonShapes.room(e.room()));
      n.set("member", JsonShapes.member(e.member()));
      return n;
    } else if (event instanceof PublicRoomCreated) {
      ObjectNode n = Json.object();
      n.put("type", "room.created");
      n.set("room", JsonShapes.room(((PublicRoomCreated) event).room()));
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
