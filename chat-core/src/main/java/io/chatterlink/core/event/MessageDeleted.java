package io.chatterlink.core.event;

import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.RoomId;
import java.time.Instant;
import java.util.Objects;

/** A message was deleted; clients keep a tombstone in its place. */
public record MessageDeleted(RoomId roomId, long seq, MessageId messageId, Instant at)
    implements SequencedEvent {
  /**
   * Creates the event.
   *
   * @param roomId the room
   * @param seq the delete's own seq in the room's log
   * @param messageId the deleted message
   * @param at when it was deleted
   * @throws NullPointerException if a reference component is null
   */
  public MessageDeleted {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(at, "at");
  }
}
