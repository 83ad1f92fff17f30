package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

/** A member started or stopped typing (stopping includes the server-side expiry). */
public record TypingChanged(RoomId roomId, UserId userId, boolean typing) implements RoomEvent {
  public TypingChanged {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
  }
}
