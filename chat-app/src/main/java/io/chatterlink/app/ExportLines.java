package io.chatterlink.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.event.SequencedEvent;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.MessageView;

/**
 * Log entries as one-line JSON, in the shapes of the protocol's {@code message}, {@code edit} and
 * {@code delete} pushes (docs/protocol.md, section 5), so that one parser reads both.
 */
final class ExportLines {
  private final ObjectMapper json = new ObjectMapper();

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
      line.put("messageId", deleted.messageId().value()).put("at", deleted.at().toString());
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
    node.put("sentAt", m.sentAt().toString());
    node.put("editedAt", m.editedAt().map(Object::toString).orElse(null));
    return node;
  }
}
