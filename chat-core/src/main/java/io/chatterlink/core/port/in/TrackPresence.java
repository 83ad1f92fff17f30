package io.chatterlink.core.port.in;

import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;

/**
 * Presence and typing: ephemeral, kept in memory, never stored. A user with several connections is
 * online once and goes offline when the last one closes.
 */
public interface TrackPresence {
  /**
   * A connection of the actor opened. The first one makes the actor ONLINE for everyone sharing a
   * room with them.
   *
   * @param actor the connected user
   * @param connectionId the adapter's id of the connection, unique per connection
   */
  void connected(UserId actor, String connectionId);

  /**
   * A connection closed. When it was the actor's last one, they go offline and their typing stops
   * (another open tab may still be typing).
   *
   * @param actor the user
   * @param connectionId the id given to {@link #connected}; an unknown one is ignored
   */
  void disconnected(UserId actor, String connectionId);

  /**
   * The actor's clients report them active (ONLINE) or idle (AWAY).
   *
   * @param actor the user
   * @param status the new status
   */
  void setStatus(UserId actor, PresenceStatus status);

  /**
   * Presence of everyone in a room the actor is in.
   *
   * @param actor the asking member
   * @param room the room
   * @return one view per member
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<PresenceView> presenceIn(UserId actor, RoomId room);

  /**
   * The actor started or stopped typing in a room. A start expires after {@link
   * io.chatterlink.core.model.Limits#TYPING_EXPIRY_SECONDS} unless repeated.
   *
   * @param actor the typing member
   * @param room the room
   * @param typing true when they started, false when they stopped
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member
   */
  void typing(UserId actor, RoomId room, boolean typing);

  /**
   * Ends typing that has expired by the core's clock and tells the rooms; adapters call this about
   * once a second.
   */
  void expireTyping();
}
