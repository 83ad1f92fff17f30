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
   * A connection of the actor opened; {@code connectionId} is the adapter's, unique per connection.
   */
  void connected(UserId actor, String connectionId);

  /**
   * A connection closed. When it was the actor's last one, they go offline and their typing stops
   * (another open tab may still be typing).
   */
  void disconnected(UserId actor, String connectionId);

  /** The actor's clients report them active (ONLINE) or idle (AWAY). */
  void setStatus(UserId actor, PresenceStatus status);

  /** Presence of everyone in a room the actor is in. */
  List<PresenceView> presenceIn(UserId actor, RoomId room);

  /**
   * The actor started or stopped typing in a room. A start expires after {@link
   * io.chatterlink.core.model.Limits#TYPING_EXPIRY_SECONDS} unless repeated.
   */
  void typing(UserId actor, RoomId room, boolean typing);

  /** Ends typing that has expired by the core's clock; adapters call this about once a second. */
  void expireTyping();
}
