package io.chatterlink.core.port.in;

import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Map;

/** Read markers and unread counts. */
public interface TrackReading {
  /**
   * Moves the actor's read marker in a room forward to {@code seq} (never back; a seq past the
   * room's end is clamped to it) and tells the actor's other connections.
   *
   * @param actor the reading user
   * @param room the room
   * @param seq the seq of the last message read
   * @throws io.chatterlink.core.error.InvalidInputException if {@code seq} is negative
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member (the two look alike)
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void markRead(UserId actor, RoomId room, long seq);

  /**
   * Unread messages per room the actor is in: posts by others, not deleted, after the actor's read
   * marker.
   *
   * @param actor the user
   * @return the count by room, for every room the actor is a member of
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Map<RoomId, Long> unreadCounts(UserId actor);
}
