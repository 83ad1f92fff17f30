package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** An owner removed a member; the removed user receives this one last event of the room. */
public record MemberRemoved(RoomId roomId, UserId userId, UserId removedBy) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param roomId the room
   * @param userId who was removed
   * @param removedBy the owner who removed them
   * @throws NullPointerException if a reference component is null
   */
  public MemberRemoved {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(removedBy, "removedBy");
  }
}
