package io.chatterlink.core.event;

/** An entry of a room's log: it has a seq, and resync after a seq replays it. */
public sealed interface SequencedEvent extends RoomEvent
    permits MessagePosted, MessageEdited, MessageDeleted {
  /** Strictly increasing and gap-free within the room. */
  long seq();
}
