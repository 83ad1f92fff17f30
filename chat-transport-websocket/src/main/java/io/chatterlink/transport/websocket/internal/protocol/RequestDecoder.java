package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decodes a request frame's JSON object into its {@link Request}, once, before anything is done
 * with it. A missing field, a value of the wrong JSON type or out of range, or an unknown type is
 * an {@link InvalidInputException} naming the field, which the client gets as a {@code 400} reply.
 * Fields are read in the order the protocol lists them, so that a frame with several faults is told
 * about the first.
 */
public final class RequestDecoder {
  /** The request types of {@code docs/protocol.md}; any other is reported as {@code unknown}. */
  public static final Set<String> TYPES =
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

  private RequestDecoder() {}

  /**
   * The request's type as metrics may report it: the type itself when the protocol defines it,
   * {@code unknown} otherwise, so that a client cannot invent metric labels.
   *
   * @throws InvalidInputException if the frame has no {@code type} string
   */
  public static String reportableType(ObjectNode frame) {
    String type = Fields.text(frame, "type");
    return TYPES.contains(type) ? type : "unknown";
  }

  public static Request decode(ObjectNode r) {
    String type = Fields.text(r, "type");
    switch (type) {
      case "ping":
        return new Request.Ping();
      case "rooms":
        return new Request.Rooms();
      case "subscribe":
        return new Request.Subscribe(room(r), seq(r, "afterSeq"));
      case "unsubscribe":
        return new Request.Unsubscribe(room(r));
      case "send":
        return new Request.Send(
            room(r),
            new ClientMessageId(Fields.text(r, "clientMessageId")),
            Fields.text(r, "text"),
            attachments(r),
            Fields.optionalText(r, "replyTo").map(MessageId::new));
      case "edit":
        return new Request.Edit(messageId(r), Fields.text(r, "text"));
      case "delete":
        return new Request.Delete(messageId(r));
      case "history":
        return history(r);
      case "typing":
        return new Request.Typing(room(r), Fields.bool(r, "typing"));
      case "read":
        return new Request.Read(room(r), seq(r, "seq"));
      case "presence.set":
        return new Request.SetPresence(status(Fields.text(r, "status")));
      case "presence.query":
        return new Request.QueryPresence(room(r));
      default:
        throw new InvalidInputException("unknown request type");
    }
  }

  private static Request.History history(ObjectNode r) {
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
    return new Request.History(room(r), page);
  }

  private static RoomId room(ObjectNode r) {
    return new RoomId(Fields.text(r, "room"));
  }

  private static MessageId messageId(ObjectNode r) {
    return new MessageId(Fields.text(r, "messageId"));
  }

  private static long seq(ObjectNode r, String field) {
    long seq = Fields.wholeNumber(r, field);
    if (seq < 0) {
      throw new InvalidInputException("field '" + field + "' must not be negative");
    }
    return seq;
  }

  private static List<AttachmentId> attachments(ObjectNode r) {
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
