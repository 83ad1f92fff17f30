package io.chatterlink.core.port.in;

import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import java.util.List;
import java.util.Set;

/**
 * Rooms and direct conversations. A private room or a direct conversation that the acting user is
 * not in is reported as {@link io.chatterlink.core.error.NotFoundException}, exactly as a room that
 * does not exist.
 */
public interface ManageRooms {
  /** Creates a public or private room with the actor as owner. */
  RoomSummary createRoom(CreateRoom command);

  /**
   * Joins a public room; joining twice is a no-op returning the room.
   *
   * @throws io.chatterlink.core.error.NotFoundException for a private room or conversation
   */
  RoomSummary joinRoom(UserId actor, RoomId room);

  /**
   * Leaves a room. The last owner of a room with other members cannot leave.
   *
   * @throws io.chatterlink.core.error.ConflictException for the last owner
   */
  void leaveRoom(UserId actor, RoomId room);

  /**
   * Adds a user to a room. In a private room only owners may invite; in a public room any member.
   * Direct conversations do not take new members.
   */
  void invite(UserId actor, RoomId room, UserId invitee);

  /** Removes a member; owners only; owners cannot be removed by others. */
  void removeMember(UserId actor, RoomId room, UserId member);

  /** Renames a room; owners only. */
  RoomSummary rename(UserId actor, RoomId room, String newName);

  /** A room the actor may see. */
  RoomSummary room(UserId actor, RoomId room);

  /** Every room and conversation the actor is in, with unread counts. */
  List<RoomSummary> myRooms(UserId actor);

  /** Public rooms anyone may join. */
  List<RoomSummary> publicRooms(UserId actor);

  /** Members of a room the actor is in (or of a public room). */
  List<MemberView> members(UserId actor, RoomId room);

  /**
   * Opens the direct conversation between the actor and {@code others} (one for a 1:1, up to 7 for
   * a group); returns the existing one if there is one.
   */
  RoomSummary openDirect(UserId actor, Set<UserId> others);

  /** Command to create a room; {@code kind} is PUBLIC or PRIVATE. */
  record CreateRoom(UserId actor, String name, RoomKind kind) {}
}
