package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import java.util.List;

/** The first frame of every connection: who you are, your rooms, and the limits. */
final class Hello {
  /** The protocol version this transport speaks. */
  static final String PROTOCOL = "chatterlink.v1";

  private Hello() {}

  static String frame(
      String connectionId, UserView user, List<RoomSummary> rooms, TransportSettings s) {
    ObjectNode n = Json.object();
    n.put("type", "hello");
    n.put("protocol", PROTOCOL);
    n.put("connectionId", connectionId);
    n.set("user", Wire.user(user));
    n.set("rooms", Wire.rooms(rooms));
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
}
