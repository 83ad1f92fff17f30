package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import jakarta.websocket.CloseReason;
import java.util.Optional;

/** What a connection's outbound queue holds: frames, and the steps that must keep their order. */
public sealed interface Outbound {
  /** A push shared by all its recipients, filtered per connection. */
  record Push(OutboundFrame frame) implements Outbound {}

  /** A reply or other frame meant for this connection alone. */
  record Text(String json) implements Outbound {}

  /** Replay a room's log after {@code afterSeq}, then send the reply to request {@code replyId}. */
  record CatchUp(RoomId room, long afterSeq, Optional<RequestId> replyId) implements Outbound {}

  /** Stop sending a room's log entries, then send {@code reply}. */
  record Unsubscribe(RoomId room, String reply) implements Outbound {}

  /** Close the socket once everything queued before has been sent. */
  record Close(CloseReason reason) implements Outbound {}
}
