package io.chatterlink.core.event;

import io.chatterlink.core.model.RoomId;

/** An event about one room or direct conversation. */
public sealed interface RoomEvent extends ChatEvent
    permits SequencedEvent,
        MemberJoined,
        MemberLeft,
        MemberRemoved,
        RoomChanged,
        PublicRoomCreated,
        TypingChanged,
        ReadMarkerMoved {
  /**
   * The room the event is about; the event goes to that room's members.
   *
   * @return the room's id
   */
  RoomId roomId();
}
