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
   * @return the room now stored under that key: {@code room} itself, or the existing direct room
   * @throws io.chatterlink.core.error.ConflictException if the room id is taken
   */
  Room insert(Room room, List<Membership> members);

  Optional<Room> find(RoomId id);

  /**
   * Renames a room.
   *
   * @throws io.chatterlink.core.error.NotFoundException if there is no such room
   */
  void rename(RoomId id, String name);

  /** Public rooms, by name, at most {@code limit}. */
  List<Room> listPublic(int limit);

  /**
   * Every room of every kind (public, private, direct), ordered by id, a page at a time: at most
   * {@code limit} rooms whose id is greater than {@code after} (all when empty). For operators'
   * tools (listing, export), never for what a user may see.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Room> listAll(Optional<RoomId> after, int limit);

  /**
   * Adds a member.
   *
   * @return false, changing nothing, if the user already is a member
   */
  boolean addMember(Membership membership);

  /** Removes a member; false if they were not one. */
  boolean removeMember(RoomId room, UserId user);

  Optional<Membership> membership(RoomId room, UserId user);

  /** Every member of a room, in joining order. */
  List<Membership> members(RoomId room);

  /** Every membership of a user, in joining order. */
  List<Membership> membershipsOf(UserId user);

  /**
   * Moves a member's read marker forward to {@code seq}; a marker never moves back.
   *
   * @return true if the marker moved; false if it already was at or past {@code seq} or the user is
   *     not a member
   */
  boolean advanceReadMarker(RoomId room, UserId user, long seq);

  /**
   * Another process (another node of a cluster, an operator's tool) may have changed the room's
   * members or their roles: the next {@link #members}, {@link #membership} and {@link
   * #membershipsOf} must read them afresh. A store that caches nothing does nothing; one that
   * caches must not return, after this call, what it cached before it.
   */
  default void membersChangedElsewhere(RoomId room) {}
}
