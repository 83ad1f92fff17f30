package io.chatterlink.core.event;

import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomSummary;
import java.util.Objects;

/**
 * Someone joined or was invited into a room.
 *
 * @param room the room as seen by an ordinary member, so the joiner's clients can show it at once
 */
public record MemberJoined(RoomSummary room, MemberView member) implements RoomEvent {
  /**
   * Creates the event.
   *
   * @param room the room as an ordinary member sees it
   * @param member who joined, with their role
   * @throws NullPointerException if a reference component is null
   */
  public MemberJoined {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(member, "member");
  }

  @Override
  public RoomId roomId() {
    return room.id();
  }
}
