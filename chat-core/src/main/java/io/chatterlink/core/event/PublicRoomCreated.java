package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomSummary;
import java.util.Objects;

/**
 * A public room was created; sent to everyone connected, so that room lists and browsers show it
 * without polling.
 *
 * @param room the room as someone who is not a member sees it (no role, nothing unread)
 */
public record PublicRoomCreated(RoomSummary room) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param room the new room as a non-member sees it
   * @throws NullPointerException if a reference component is null
   */
  public PublicRoomCreated {
    Objects.requireNonNull(room, "room");
  }

  @Override
  public RoomId roomId() {
    return room.id();
  }
}
