package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.model.Attachment;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.policy.Timestamps;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shapes shared with the WebSocket protocol (docs/protocol.md, section 3): absent
 * optionals are {@code null}, lists are never null, enums are lower case, instants are ISO-8601.
 */
final class JsonViews {
  private final Json json;

  JsonViews(Json json) {
    this.json = json;
  }

  ObjectNode user(UserView user) {
    return json.object()
        .put("id", user.id().value())
        .put("username", user.username())
        .put("displayName", user.displayName());
  }

  ObjectNode member(MemberView member) {
    ObjectNode node = json.object();
    node.set("user", user(member.user()));
    node.put("role", lower(member.role()));
    return node;
  }

  ObjectNode room(RoomSummary room) {
    ObjectNode node =
        json.object()
            .put("id", room.id().value())
            .put("kind", lower(room.kind()))
            .put("name", room.name())
            .put("role", room.role().map(JsonViews::lower).orElse(null))
            .put("memberCount", room.memberCount())
            .put("lastSeq", room.lastSeq())
            .put("unread", room.unread());
    ArrayNode direct = node.putArray("directMembers");
    room.directMembers().forEach(u -> direct.add(user(u)));
    return node;
  }

  ObjectNode message(MessageView m) {
    ObjectNode node =
        json.object()
            .put("id", m.id().value())
            .put("room", m.roomId().value())
            .put("seq", m.seq())
            .put("sender", m.sender().value())
            .put("clientMessageId", m.clientMessageId().value())
            .put("text", m.text())
            .put("unreadable", m.unreadable())
            .put("deleted", m.deleted());
    ArrayNode attachments = node.putArray("attachments");
    m.attachments().forEach(a -> attachments.add(a.value()));
    node.put("replyTo", m.replyTo().map(id -> id.value()).orElse(null));
    node.put("sentAt", Timestamps.format(m.sentAt()));
    node.put("editedAt", instant(m.editedAt()));
    return node;
  }

  ObjectNode presence(PresenceView p) {
    return json.object()
        .put("user", p.userId().value())
        .put("status", lower(p.status()))
        .put("lastSeen", instant(p.lastSeen()));
  }

  /** An attachment's metadata with the URLs to fetch it; never its storage key. */
  ObjectNode attachment(Attachment a) {
    String url = downloadUrl(a.id());
    return json.object()
        .put("id", a.id().value())
        .put("room", a.roomId().value())
        .put("uploader", a.uploader().value())
        .put("mediaType", a.mediaType())
        .put("size", a.sizeBytes())
        .put("name", a.originalName())
        .put("url", url)
        .put("thumbnailUrl", a.thumbnailKey().isPresent() ? url + "/thumbnail" : null)
        .put("uploadedAt", Timestamps.format(a.uploadedAt()));
  }

  static String downloadUrl(AttachmentId id) {
    return "/api/attachments/" + id.value();
  }

  private static String instant(Optional<Instant> at) {
    return at.map(Timestamps::format).orElse(null);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
