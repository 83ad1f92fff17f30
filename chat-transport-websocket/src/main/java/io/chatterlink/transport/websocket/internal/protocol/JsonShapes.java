package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.policy.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared JSON shapes of {@code docs/protocol.md} section 3, for {@link ServerFrames}. Absent
 * optionals are written as {@code null}, enums in lower case, instants as ISO-8601 UTC.
 */
public final class JsonShapes {
  private JsonShapes() {}

  public static ObjectNode message(MessageView m) {
    ObjectNode n = Json.object();
    n.put("id", m.id().value());
    n.put("room", m.roomId().value());
    n.put("seq", m.seq());
    n.put("sender", m.sender().value());
    n.put("clientMessageId", m.clientMessageId().value());
    n.put("text", m.text());
    n.put("unreadable", m.unreadable());
    n.put("deleted", m.deleted());
    ArrayNode attachments = n.putArray("attachments");
    for (AttachmentId a : m.attachments()) {
      attachments.add(a.value());
    }
    n.put("replyTo", m.replyTo().map(r -> r.value()).orElse(null));
    n.put("sentAt", Timestamps.format(m.sentAt()));
    n.put("editedAt", instant(m.editedAt()));
    return n;
  }

  public static ObjectNode user(UserView u) {
    ObjectNode n = Json.object();
    n.put("id", u.id().value());
    n.put("username", u.username());
    n.put("displayName", u.displayName());
    return n;
  }

  public static ObjectNode member(MemberView m) {
    ObjectNode n = Json.object();
    n.set("user", user(m.user()));
    n.put("role", lower(m.role()));
    return n;
  }

  public static ObjectNode room(RoomSummary r) {
    ObjectNode n = Json.object();
    n.put("id", r.id().value());
    n.put("kind", lower(r.kind()));
    n.put("name", r.name());
    n.put("role", r.role().map(JsonShapes::lower).orElse(null));
    n.put("memberCount", r.memberCount());
    n.put("lastSeq", r.lastSeq());
    n.put("unread", r.unread());
    ArrayNode direct = n.putArray("directMembers");
    r.directMembers().forEach(u -> direct.add(user(u)));
    return n;
  }

  public static ArrayNode rooms(List<RoomSummary> rooms) {
    ArrayNode array = Json.object().arrayNode();
    rooms.forEach(r -> array.add(room(r)));
    return array;
  }

  public static ObjectNode presence(PresenceView p) {
    ObjectNode n = Json.object();
    n.put("user", p.userId().value());
    n.put("status", lower(p.status()));
    n.put("lastSeen", instant(p.lastSeen()));
    return n;
  }

  public static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String instant(Optional<Instant> at) {
    return at.map(Timestamps::format).orElse(null);
  }
}
