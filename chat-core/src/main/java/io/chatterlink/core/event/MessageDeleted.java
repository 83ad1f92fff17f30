package io.chatterlink.core.event;

import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import java.time.Instant;
import java.util.Objects;

/** A message was deleted; clients keep a tombstone in its place. */
public record MessageDeleted(RoomId roomId, long seq, MessageId messageId, Instant at)
    implements SequencedEvent {
  public MessageDeleted {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(at, "at");
  }
}
