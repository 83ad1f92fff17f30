package io.chatterlink.core;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.UserStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides who may see a room. Every refusal for lack of membership is the same
 * {@link NotFoundException} as for a room that does not exist, so that a non-member learns nothing
 * about a private room or a direct conversation, not even that it exists.
 */
final class RoomAccess {
  /** Deliberately identical for "no such room" and "not yours to see". */
  static final String NO_SUCH_ROOM = "no such room";

  private final RoomStore rooms;
  private final UserStore users;
  private final MessageStore messages;

  RoomAccess(RoomStore rooms, UserStore users, MessageStore messages) {
    this.rooms = rooms;
    this.users = users;
    this.messages = messages;
  }

  /** A room the actor may see: any public room, or a room the actor is a member of. */
  Room visibleRoom(UserId actor, RoomId id) {
    Room room = rooms.find(id).orElseThrow(() -> new NotFoundException(NO_SUCH_ROOM));
    if (room.kind() != RoomKind.PUBLIC && rooms.membership(id, actor).isEmpty()) {
      throw new NotFoundException(NO_SUCH_ROOM);
    }
    return room;
  }

  /** The actor's membership of a room; a non-member is told the room does not exist. */
  Membership requireMember(UserId actor, RoomId id) {
    return rooms.membership(id, actor).orElseThrow(() -> new NotFoundException(NO_SUCH_ROOM));
  }

  /**
   * Everyone in the room, after checking that the actor is one of them: one read where a send would
   * otherwise make two (the membership check, then the recipients).
   */
  Set<UserId> requireMemberAmong(UserId actor, RoomId id) {
    Set<UserId> members = memberIds(id);
    if (!members.contains(actor)) {
      throw new NotFoundException(NO_SUCH_ROOM);
    }
    return members;
  }

  /** The room itself, for an actor already known to be a member. */
  Room roomOf(Membership membership) {
    return rooms.find(membership.roomId()).orElseThrow(() -> new NotFoundException(NO_SUCH_ROOM));
  }

  /** Everyone currently in the room: the recipients of its events. */
  Set<UserId> memberIds(RoomId id) {
    return rooms.members(id).stream()
        .map(Membership::userId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The room as {@code viewer} sees it, with their role and unread count if they are a member. */
  RoomSummary summarize(Room room, Optional<Membership> viewer) {
    List<Membership> members = rooms.members(room.id());
    long unread =
        viewer.map(m -> messages.countUnread(room.id(), m.lastReadSeq(), m.userId())).orElse(0L);
    List<UserView> directMembers =
        room.kind() == RoomKind.DIRECT
            ? members.stream().map(m -> userView(m.userId())).flatMap(Optional::stream).toList()
            : List.of();
    return new RoomSummary(
        room.id(),
        room.kind(),
        room.name(),
        viewer.map(Membership::role),
        members.size(),
        messages.lastSeq(room.id()),
        unread,
        directMembers);
  }

  /** The room as an ordinary member with nothing unread sees it, for events sent to many. */
  RoomSummary summarizeForMembers(Room room) {
    List<Membership> members = rooms.members(room.id());
    List<UserView> directMembers =
        room.kind() == RoomKind.DIRECT
            ? members.stream().map(m -> userView(m.userId())).flatMap(Optional::stream).toList()
            : List.of();
    return new RoomSummary(
        room.id(),
        room.kind(),
        room.name(),
        Optional.of(Role.MEMBER),
        members.size(),
        messages.lastSeq(room.id()),
        0,
        directMembers);
  }

  /** The seq of the room's newest log entry, 0 for an empty room. */
  long lastSeq(RoomId id) {
    return messages.lastSeq(id);
  }

  Optional<UserView> userView(UserId id) {
    return users.findById(id).map(UserView::of);
  }
}
