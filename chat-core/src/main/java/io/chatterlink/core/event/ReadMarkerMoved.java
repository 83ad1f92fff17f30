package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** A member's read marker moved forward; sent to that member's own connections only. */
public record ReadMarkerMoved(RoomId roomId, UserId userId, long seq) implements RoomEvent {
  public ReadMarkerMoved {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
  }
}
