package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.model.RoomId;
import java.util.Optional;

/** The reply envelope of {@code docs/protocol.md} section 2.2. */
final class Replies {
  private Replies() {}

  static String ok(RequestId id, ObjectNode data) {
    ObjectNode n = envelope(Optional.of(id), 200);
    n.set("data", data);
    return Json.write(n);
  }

  static String error(RequestId id, ChatException e) {
    return error(Optional.of(id), e.code(), e.getMessage());
  }

  static String error(Optional<RequestId> id, ErrorCode code, String message) {
    ObjectNode n = envelope(id, code.httpStatus());
    n.put("error", code.code());
    n.put("message", message);
    return Json.write(n);
  }

  static ObjectNode roomSeq(RoomId room, long seq) {
    ObjectNode data = Json.object();
    data.put("room", room.value());
    data.put("seq", seq);
    return data;
  }

  private static ObjectNode envelope(Optional<RequestId> id, int code) {
    ObjectNode n = Json.object();
    n.put("type", "reply");
    n.set("id", id.map(RequestId::json).orElse(n.nullNode()));
    n.put("code", code);
    return n;
  }
}
