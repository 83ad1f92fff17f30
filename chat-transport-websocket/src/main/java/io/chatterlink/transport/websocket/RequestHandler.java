package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.policy.Timestamps;
import io.chatterlink.core.port.in.FetchHistory.HistoryPage;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.SendMessages.SendResult;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates one request frame into a use case call and its result into the reply. No chat logic:
 * the core authorises and validates; the acting user always comes from the session, never from the
 * frame.
 */
final class RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  /** The request types of {@code docs/protocol.md}; any other is reported as {@code unknown}. */
  private static final Set<String> KNOWN_TYPES =
      Set.of(
          "ping",
          "rooms",
          "subscribe",
          "unsubscribe",
          "send",
          "edit",
          "delete",
          "history",
          "typing",
          "read",
          "presence.set",
          "presence.query");

  private static final int OK = 200;

  private final ChatCore core;
  private final Connection connection;
  private final TransportMetrics metrics;
  private final UserId actor;

  RequestHandler(ChatCore core, Connection connection, TransportMetrics metrics) {
    this.core = core;
    this.connection = connection;
    this.metrics = metrics;
    this.actor = connection.user();
  }

  /**
   * Handles a parsed request; every outcome, failures included, is one reply. Reports the request
   * to the metrics once its reply is queued.
   *
   * @param readAtNanos {@link System#nanoTime()} when the transport read the frame
   */
  void handle(RequestId id, ObjectNode request, long readAtNanos) {
    String type = "unknown";
    int code = OK;
    try {
      type = reportable(Fields.text(request, "type"));
      dispatch(id, type, request);
    } catch (ChatException e) {
      code = e.code().httpStatus();
      connection.reply(Replies.error(id, e));
    } catch (RuntimeException e) {
      code = ErrorCode.INTERNAL.httpStatus();
      LOG.error("request of type {} on connection {} failed", type, connection.id(), e);
      connection.reply(Replies.error(Optional.of(id), ErrorCode.INTERNAL, "internal error"));
    }
    metrics.requestHandled(type, System.nanoTime() - readAtNanos, code);
  }

  /** The type itself when the protocol defines it: a client cannot invent metric labels. */
  private static String reportable(String type) {
    return KNOWN_TYPES.contains(type) ? type : "unknown";
  }

  private void dispatch(RequestId id, String type, ObjectNode r) {
    switch (type) {
      case "ping":
        ok(id, Json.object());
        break;
      case "rooms":
        ObjectNode rooms = Json.object();
        rooms.set("rooms", Wire.rooms(core.rooms().myRooms(actor)));
        ok(id, rooms);
        break;
      case "subscribe":
        subscribe(id, r);
        break;
      case "unsubscribe":
        unsubscribe(id, r);
        break;
      case "send":
        send(id, r);
        break;
      case "edit":
        MessageView edited =
            core.messages()
                .edit(
                    new SendMessages.EditMessage(
                        actor, messageId(r, "messageId"), Fields.text(r, "text")));
        ObjectNode editData = Json.object();
        editData.set("message", Wire.message(edited));
        ok(id, editData);
        break;
      case "delete":
        core.messages().delete(new SendMessages.DeleteMessage(actor, messageId(r, "messageId")));
        ok(id, Json.object());
        break;
      case "history":
        history(id, r);
        break;
      case "typing":
        core.presence().typing(actor, room(r), Fields.bool(r, "typing"));
        ok(id, Json.object());
        break;
      case "read":
        core.reading().markRead(actor, room(r), seq(r, "seq"));
        ok(id, Json.object());
        break;
      case "presence.set":
        core.presence().setStatus(actor, status(Fields.text(r, "status")));
        ok(id, Json.object());
        break;
      case "presence.query":
        presenceQuery(id, r);
        break;
      default:
        throw new InvalidInputException("unknown request type");
    }
  }

  private void subscribe(RequestId id, ObjectNode r) {
    RoomId room = room(r);
    long afterSeq = seq(r, "afterSeq");
    // fails fast (404) for a room the actor is not in
    long lastSeq = core.rooms().room(actor, room).lastSeq();
    if (afterSeq > lastSeq) {
      // A seq the room never reached (another room's, or a stale client's) would silently hide
      // every new entry up to it: refuse it and name the seq to resume from.
      throw new InvalidInputException(
          "field 'afterSeq' ("
              + afterSeq
              + ") is beyond the room's end: its last seq is "
              + lastSeq);
    }
    connection.subscribe(room, afterSeq, id);
  }

  /** A member may unsubscribe whether subscribed or not; anyone else gets 404, as everywhere. */
  private void unsubscribe(RequestId id, ObjectNode r) {
    RoomId room = room(r);
    if (core.rooms().room(actor, room).role().isEmpty()) {
      throw new NotFoundException("no such room"); // a public room the actor is not in
    }
    connection.unsubscribe(room, Replies.ok(id, Json.object()));
  }

  private void send(RequestId id, ObjectNode r) {
    SendResult result =
        core.messages()
            .send(
                new SendMessages.SendMessage(
                    actor,
                    room(r),
                    new ClientMessageId(Fields.text(r, "clientMessageId")),
                    Fields.text(r, "text"),
                    attachments(r),
                    Fields.optionalText(r, "replyTo").map(MessageId::new)));
    MessageView m = result.message();
    ObjectNode ack = Json.object();
    ack.put("messageId", m.id().value());
    ack.put("room", m.roomId().value());
    ack.put("seq", m.seq());
    ack.put("clientMessageId", m.clientMessageId().value());
    ack.put("sentAt", Timestamps.format(m.sentAt()));
    ack.put("duplicate", result.duplicate());
    ok(id, ack);
  }

  private void history(RequestId id, ObjectNode r) {
    // Optional, as over HTTP: a client that asks for "a page" gets the newest one.
    String direction = Fields.optionalText(r, "direction").orElse("latest");
    int limit =
        (int)
            Math.min(
                Integer.MAX_VALUE,
                Fields.optionalWholeNumber(r, "limit").orElse((long) Limits.DEFAULT_PAGE_SIZE));
    PageRequest page;
    switch (direction) {
      case "latest":
        page = PageRequest.latest(limit);
        break;
      case "before":
        page = PageRequest.before(seq(r, "seq"), limit);
        break;
      case "after":
        page = PageRequest.after(seq(r, "seq"), limit);
        break;
      default:
        throw new InvalidInputException("field 'direction' must be latest, before or after");
    }
    HistoryPage result = core.history().page(actor, room(r), page);
    ObjectNode data = Json.object();
    data.put("room", result.room().value());
    ArrayNode messages = data.putArray("messages");
    result.messages().forEach(m -> messages.add(Wire.message(m)));
    data.put("hasMore", result.hasMore());
    ok(id, data);
  }

  private void presenceQuery(RequestId id, ObjectNode r) {
    RoomId room = room(r);
    ObjectNode data = Json.object();
    data.put("room", room.value());
    ArrayNode list = data.putArray("presence");
    core.presence().presenceIn(actor, room).forEach(p -> list.add(Wire.presence(p)));
    ok(id, data);
  }

  private void ok(RequestId id, ObjectNode data) {
    connection.reply(Replies.ok(id, data));
  }

  private static RoomId room(ObjectNode r) {
    return new RoomId(Fields.text(r, "room"));
  }

  private static MessageId messageId(ObjectNode r, String field) {
    return new MessageId(Fields.text(r, field));
  }

  private static long seq(ObjectNode r, String field) {
    long seq = Fields.wholeNumber(r, field);
    if (seq < 0) {
      throw new InvalidInputException("field '" + field + "' must not be negative");
    }
    return seq;
  }

  private static java.util.List<AttachmentId> attachments(ObjectNode r) {
    return Fields.optionalTextList(r, "attachments").stream()
        .map(AttachmentId::new)
        .collect(Collectors.toList());
  }

  private static PresenceStatus status(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "online":
        return PresenceStatus.ONLINE;
      case "away":
        return PresenceStatus.AWAY;
      default:
        throw new InvalidInputException("field 'status' must be online or away");
    }
  }
}
