package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** A member's read marker moved forward; sent to that member's own connections only. */
public record ReadMarkerMoved(RoomId roomId, UserId userId, long seq) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param roomId the room
   * @param userId whose marker moved
   * @param seq the new marker: everything up to it is read
   * @throws NullPointerException if a reference component is null
   */
  public ReadMarkerMoved {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
  }
}
