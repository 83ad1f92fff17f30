package io.chatterlink.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.policy.Timestamps;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Log entries as one-line JSON, in the shapes of the protocol's {@code message}, {@code edit} and
 * {@code delete} pushes (docs/protocol.md, section 5), so that one parser reads both; timestamps as
 * everywhere in the protocol (three fractional digits, {@code Z}). {@code MessageJsonShapeIT} pins
 * the message shape to the WebSocket's and the HTTP API's.
 */
final class ExportLines {
  private final ObjectMapper json = new ObjectMapper();

  /**
   * The line that starts a room's export: {@code {"type":"room","room":{id, kind, name, createdAt,
   * members:[{userId, username, displayName, role}]}}}.
   */
  String roomLine(Room room, List<Membership> members, Function<UserId, Optional<User>> users) {
    ObjectNode line = json.createObjectNode().put("type", "room");
    ObjectNode node = line.putObject("room");
    node.put("id", room.id().value())
        .put("kind", room.kind().name().toLowerCase(Locale.ROOT))
        .put("name", room.name())
        .put("createdAt", Timestamps.format(room.createdAt()));
    ArrayNode list = node.putArray("members");
    for (Membership member : members) {
      ObjectNode entry = list.addObject().put("userId", member.userId().value());
      Optional<User> user = users.apply(member.userId());
      entry.put("username", user.map(u -> u.username().display()).orElse(null));
      entry.put("displayName", user.map(User::displayName).orElse(null));
      entry.put("role", member.role().name().toLowerCase(Locale.ROOT));
    }
    return line.toString();
  }

  String toJson(SequencedEvent event) {
    ObjectNode line = json.createObjectNode();
    if (event instanceof MessagePosted posted) {
      line.put("type", "message").put("room", posted.roomId().value()).put("seq", posted.seq());
      line.set("message", message(posted.message()));
    } else if (event instanceof MessageEdited edited) {
      line.put("type", "edit").put("room", edited.roomId().value()).put("seq", edited.seq());
      line.set("message", message(edited.message()));
    } else if (event instanceof MessageDeleted deleted) {
      line.put("type", "delete").put("room", deleted.roomId().value()).put("seq", deleted.seq());
      line.put("messageId", deleted.messageId().value()).put("at", Timestamps.format(deleted.at()));
    } else {
      throw new AssertionError(event);
    }
    return line.toString();
  }

  private ObjectNode message(MessageView m) {
    ObjectNode node = json.createObjectNode();
    node.put("id", m.id().value())
        .put("room", m.roomId().value())
        .put("seq", m.seq())
        .put("sender", m.sender().value())
        .put("clientMessageId", m.clientMessageId().value())
        .put("text", m.text())
        .put("unreadable", m.unreadable())
        .put("deleted", m.deleted());
    ArrayNode attachments = node.putArray("attachments");
    m.attachments().stream().map(AttachmentId::value).forEach(attachments::add);
    node.put("replyTo", m.replyTo().map(r -> r.value()).orElse(null));
    node.put("sentAt", Timestamps.format(m.sentAt()));
    node.put("editedAt", m.editedAt().map(Timestamps::format).orElse(null));
    return node;
  }
}
