package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** A member started or stopped typing (stopping includes the server-side expiry). */
public record TypingChanged(RoomId roomId, UserId userId, boolean typing) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param roomId the room
   * @param userId who is typing
   * @param typing true when they started, false when they stopped or the typing state expired
   * @throws NullPointerException if a reference component is null
   */
  public TypingChanged {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
  }
}
