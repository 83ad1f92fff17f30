package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Opens direct conversations. A conversation is identified by its members: the sorted member ids
 * joined by {@code ','} form the room's direct key, which the store keeps unique, so opening the
 * same conversation twice (even concurrently) yields one room.
 */
final class DirectConversations {
  /** Shown where a name is needed; clients show the members instead. */
  static final String DIRECT_ROOM_NAME = "Direct conversation";

  private final RoomAccess access;
  private final RoomStore rooms;
  private final UserStore users;
  private final Delivery delivery;
  private final Clock clock;
  private final IdGenerator ids;

  DirectConversations(
      RoomAccess access,
      RoomStore rooms,
      UserStore users,
      Delivery delivery,
      Clock clock,
      IdGenerator ids) {
    this.access = access;
    this.rooms = rooms;
    this.users = users;
    this.delivery = delivery;
    this.clock = clock;
    this.ids = ids;
  }

  RoomSummary open(UserId actor, Set<UserId> others) {
    if (others.isEmpty()) {
      throw new InvalidInputException("a direct conversation needs at least one other person");
    }
    if (others.contains(actor)) {
      throw new InvalidInputException("list the other people only, not yourself");
    }
    if (others.size() + 1 > Limits.MAX_DIRECT_MEMBERS) {
      throw new LimitExceededException(
          "a direct conversation has at most " + Limits.MAX_DIRECT_MEMBERS + " people");
    }
    for (UserId other : others) {
      users.findById(other).orElseThrow(() -> new NotFoundException("no such user"));
    }
    TreeSet<String> sortedIds = new TreeSet<>();
    sortedIds.add(actor.value());
    others.forEach(o -> sortedIds.add(o.value()));
    String directKey = String.join(",", sortedIds);
    Instant now = clock.instant();
    Room candidate =
        new Room(
            new RoomId(ids.next()), RoomKind.DIRECT, DIRECT_ROOM_NAME, Optional.of(directKey), now);
    List<Membership> members = new ArrayList<>();
    for (String id : sortedIds) {
      members.add(new Membership(candidate.id(), new UserId(id), Role.MEMBER, now, 0));
    }
    Room room = rooms.insert(candidate, members);
    List<Membership> added =
        room.id().equals(candidate.id()) ? members : rejoinMissing(room, sortedIds, now);
    announce(room, added);
    return access.summarize(room, rooms.membership(room.id(), actor));
  }

  /** In an existing conversation, brings back anyone who had left it. */
  private List<Membership> rejoinMissing(Room room, Set<String> memberIds, Instant now) {
    Set<UserId> present =
        rooms.members(room.id()).stream().map(Membership::userId).collect(Collectors.toSet());
    List<Membership> added = new ArrayList<>();
    for (String id : memberIds) {
      UserId user = new UserId(id);
      if (!present.contains(user)) {
        Membership m = new Membership(room.id(), user, Role.MEMBER, now, access.lastSeq(room.id()));
        if (rooms.addMember(m)) {
          added.add(m);
        }
      }
    }
    return added;
  }

  private void announce(Room room, List<Membership> added) {
    if (added.isEmpty()) {
      return;
    }
    RoomSummary summary = access.summarizeForMembers(room);
    Set<UserId> recipients = access.memberIds(room.id());
    for (Membership m : added) {
      Optional<UserView> user = access.userView(m.userId());
      user.ifPresent(
          u ->
              delivery.deliver(new MemberJoined(summary, new MemberView(u, m.role())), recipients));
    }
  }
}
