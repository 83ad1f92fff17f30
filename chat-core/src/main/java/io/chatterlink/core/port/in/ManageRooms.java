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
  /**
   * Creates a public or private room with the actor as owner. A public room is announced to every
   * connected user.
   *
   * @param command who creates what
   * @return the new room as its owner sees it
   * @throws io.chatterlink.core.error.InvalidInputException for kind DIRECT (direct conversations
   *     are opened with {@link #openDirect}) or a bad name
   * @throws io.chatterlink.core.error.InvalidInputException if the name is blank, longer than
   *     {@link io.chatterlink.core.model.Limits#MAX_ROOM_NAME_LENGTH} or holds a control, format or
   *     separator character
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  RoomSummary createRoom(CreateRoom command);

  /**
   * Joins a public room; joining twice is a no-op returning the room.
   *
   * @param actor the joining user
   * @param room the room
   * @return the room as its new member sees it
   * @throws io.chatterlink.core.error.NotFoundException for an unknown room, or a private room or
   *     conversation the actor is not in
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  RoomSummary joinRoom(UserId actor, RoomId room);

  /**
   * Leaves a room. The last owner of a room with other members cannot leave.
   *
   * @param actor the leaving user
   * @param room the room
   * @throws io.chatterlink.core.error.ConflictException for the last owner
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void leaveRoom(UserId actor, RoomId room);

  /**
   * Adds a user to a room. In a private room only owners may invite; in a public room any member.
   * Direct conversations do not take new members. Inviting a member again does nothing.
   *
   * @param actor the inviting member
   * @param room the room
   * @param invitee the user to add, as a plain member
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member, or there is no such invitee
   * @throws io.chatterlink.core.error.ForbiddenException for a direct conversation, or a private
   *     room when the actor is not an owner
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void invite(UserId actor, RoomId room, UserId invitee);

  /**
   * Removes a member; owners only; owners cannot be removed by others. The removed user gets one
   * last event of the room, then nothing more.
   *
   * @param actor the removing owner
   * @param room the room
   * @param member the member to remove
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member, or {@code member} is not a member
   * @throws io.chatterlink.core.error.ForbiddenException if the actor is not an owner, or {@code
   *     member} is one
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  void removeMember(UserId actor, RoomId room, UserId member);

  /**
   * Renames a room; owners only. Members are told.
   *
   * @param actor the renaming owner
   * @param room the room
   * @param newName the new name
   * @return the room under its new name
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or the actor is
   *     not a member
   * @throws io.chatterlink.core.error.ForbiddenException if the actor is not an owner
   * @throws io.chatterlink.core.error.InvalidInputException if the name is blank, longer than
   *     {@link io.chatterlink.core.model.Limits#MAX_ROOM_NAME_LENGTH} or holds a control, format or
   *     separator character
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  RoomSummary rename(UserId actor, RoomId room, String newName);

  /**
   * A room the actor may see: a public room, or one they are a member of.
   *
   * @param actor the asking user
   * @param room the room
   * @return the room with the actor's role and unread count
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or it is private
   *     and the actor is not in it
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  RoomSummary room(UserId actor, RoomId room);

  /**
   * Every room and conversation the actor is in, with unread counts.
   *
   * @param actor the user
   * @return the rooms, in no particular order
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<RoomSummary> myRooms(UserId actor);

  /**
   * Public rooms anyone may join, at most {@link
   * io.chatterlink.core.model.Limits#MAX_PUBLIC_ROOMS_LISTED}.
   *
   * @param actor the asking user, whose role and unread count each summary shows
   * @return the public rooms
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<RoomSummary> publicRooms(UserId actor);

  /**
   * Members of a room the actor is in (or of a public room).
   *
   * @param actor the asking user
   * @param room the room
   * @return the members with their roles
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room or it is private
   *     and the actor is not in it
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  List<MemberView> members(UserId actor, RoomId room);

  /**
   * Opens the direct conversation between the actor and {@code others} (one for a 1:1, up to 7 for
   * a group); returns the existing one if there is one, bringing back anyone who had left it.
   *
   * @param actor the opening user
   * @param others the other people, without the actor
   * @return the conversation
   * @throws io.chatterlink.core.error.InvalidInputException if {@code others} is empty or holds the
   *     actor
   * @throws io.chatterlink.core.error.LimitExceededException if the conversation would have more
   *     than {@link io.chatterlink.core.model.Limits#MAX_DIRECT_MEMBERS} people
   * @throws io.chatterlink.core.error.NotFoundException if one of {@code others} does not exist
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  RoomSummary openDirect(UserId actor, Set<UserId> others);

  /**
   * Command to create a room.
   *
   * @param actor the creating user, who becomes its owner
   * @param name the display name
   * @param kind PUBLIC or PRIVATE
   */
  record CreateRoom(UserId actor, String name, RoomKind kind) {}
}
