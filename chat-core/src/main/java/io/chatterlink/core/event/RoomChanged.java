package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import java.util.Objects;

/** A room was renamed. */
public record RoomChanged(RoomId roomId, String name) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param roomId the renamed room
   * @param name its new name
   * @throws NullPointerException if a reference component is null
   */
  public RoomChanged {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(name, "name");
  }
}
