package io.chatterlink.core.event;

/** An entry of a room's log: it has a seq, and resync after a seq replays it. */
public sealed interface SequencedEvent extends RoomEvent
    permits MessagePosted, MessageEdited, MessageDeleted {
  /**
   * The event's place in its room's log, strictly increasing and gap-free within the room: a client
   * that saw seq N asks for the entries after N to catch up.
   *
   * @return the seq, from 1
   */
  long seq();
}
