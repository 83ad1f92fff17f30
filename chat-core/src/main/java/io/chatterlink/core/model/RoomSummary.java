package io.chatterlink.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A room as its members (or, for public rooms, anyone) see it.
 *
 * @param id the room's id
 * @param kind public, private or direct conversation
 * @param name the display name
 * @param role the acting user's role; empty if they are not a member (public rooms only)
 * @param memberCount how many members the room has
 * @param lastSeq the seq of the room's newest log entry, 0 for an empty room
 * @param unread messages by others after the acting user's read marker; 0 for non-members
 * @param directMembers for direct conversations, the people in it; empty for other rooms
 */
public record RoomSummary(
    RoomId id,
    RoomKind kind,
    String name,
    Optional<Role> role,
    int memberCount,
    long lastSeq,
    long unread,
    List<UserView> directMembers) {
  /**
   * Creates the summary; {@code directMembers} is copied.
   *
   * @param id the room
   * @param kind its kind
   * @param name its name
   * @param role the acting user's role, if a member
   * @param memberCount how many members it has
   * @param lastSeq the newest seq
   * @param unread unread messages of the acting user
   * @param directMembers the people of a direct conversation
   * @throws NullPointerException if a reference component is null
   */
  public RoomSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    directMembers = List.copyOf(directMembers);
  }
}
