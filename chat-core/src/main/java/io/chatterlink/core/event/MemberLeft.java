package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** A member left a room of their own accord. */
public record MemberLeft(RoomId roomId, UserId userId) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param roomId the room left
   * @param userId who left
   * @throws NullPointerException if a reference component is null
   */
  public MemberLeft {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
  }
}
