package io.chatterlink.core.port.in;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Map;

/** Read markers and unread counts. */
public interface TrackReading {
  /**
   * Moves the actor's read marker in a room forward to {@code seq} (never back; a seq past the
   * room's end is clamped to it) and tells the actor's other connections.
   */
  void markRead(UserId actor, RoomId room, long seq);

  /** Unread messages per room the actor is in. */
  Map<RoomId, Long> unreadCounts(UserId actor);
}
