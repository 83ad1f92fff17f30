package io.chatterlink.core.port.out;

import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.List;
import java.util.Optional;

/** Rooms, direct conversations and their memberships (with read markers). */
public interface RoomStore {
  /**
   * Stores a room with its first members, atomically. For a direct room whose {@link
   * Room#directKey()} is already taken, stores nothing and returns the existing room (so two
   * concurrent "open conversation" calls yield one room).
   *
   * @param room the room to store, with its id chosen by the caller
   * @param members its first members (the owner of a new room, both people of a direct one), in
   *     joining order; each must belong to {@code room}
   * @return the room now stored under that key: {@code room} itself, or the existing direct room
   * @throws io.chatterlink.core.error.ConflictException if the room id is taken
   */
  Room insert(Room room, List<Membership> members);

  /**
   * Looks a room up by id.
   *
   * @param id the room's id, as stored by {@link #insert}
   * @return the room, or empty if there is none with that id
   */
  Optional<Room> find(RoomId id);

  /**
   * Renames a room; its kind, members and messages stay as they are.
   *
   * @param id the room to rename
   * @param name its new name, already checked by the caller (the {@link Room} record's rules)
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room
   */
  void rename(RoomId id, String name);

  /**
   * Public rooms for the room directory: never private or direct ones.
   *
   * @param limit the most rooms to return, at least 1
   * @return at most {@code limit} public rooms, ordered by name (then by id for equal names)
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Room> listPublic(int limit);

  /**
   * Every room of every kind (public, private, direct), ordered by id, a page at a time: at most
   * {@code limit} rooms whose id is greater than {@code after} (all when empty). For operators'
   * tools (listing, export), never for what a user may see.
   *
   * @param after the id of the last room of the previous page, or empty for the first page
   * @param limit the page size, at least 1
   * @return the page, ordered by id; empty after the last room
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Room> listAll(Optional<RoomId> after, int limit);

  /**
   * Adds a member, after the room's current members in joining order.
   *
   * @param membership the new member's room, role, joining time and read marker
   * @return true if the member was added; false, changing nothing, if the user already is a member
   */
  boolean addMember(Membership membership);

  /**
   * Removes a member with their read marker; if they join again, they come last in joining order.
   *
   * @param room the room to leave
   * @param user the member to remove
   * @return true if they were removed; false, changing nothing, if they were not a member
   */
  boolean removeMember(RoomId room, UserId user);

  /**
   * A user's membership of one room: whether they may act in it, their role and read marker.
   *
   * @param room the room
   * @param user the user
   * @return the membership, or empty if the user is not a member (or there is no such room)
   */
  Optional<Membership> membership(RoomId room, UserId user);

  /**
   * Every member of a room.
   *
   * @param room the room
   * @return its memberships in joining order; empty for a room without members or no such room
   */
  List<Membership> members(RoomId room);

  /**
   * Every room a user is in.
   *
   * @param user the user
   * @return their memberships in the order they joined; empty if they are in no room
   */
  List<Membership> membershipsOf(UserId user);

  /**
   * Moves a member's read marker forward to {@code seq}; a marker never moves back, also when
   * several calls race (the highest seq wins).
   *
   * @param room the room
   * @param user the member whose marker moves
   * @param seq the seq of the last message they read
   * @return true if the marker moved; false if it already was at or past {@code seq} or the user is
   *     not a member
   */
  boolean advanceReadMarker(RoomId room, UserId user, long seq);

  /**
   * Another process (another node of a cluster, an operator's tool) may have changed the room's
   * members or their roles: the next {@link #members}, {@link #membership} and {@link
   * #membershipsOf} must read them afresh. A store that caches nothing does nothing; one that
   * caches must not return, after this call, what it cached before it.
   *
   * @param room the room whose members changed; an unknown room is no error
   */
  default void membersChangedElsewhere(RoomId room) {}
}
