package io.chatterlink.core;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberLeft;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.Text;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageRooms;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.UserStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rooms and their members; direct conversations are opened by {@link DirectConversations}. */
final class RoomService implements ManageRooms {
  private final RoomAccess access;
  private final RoomStore rooms;
  private final UserStore users;
  private final Delivery delivery;
  private final ConnectedUsers connected;
  private final Clock clock;
  private final IdGenerator ids;
  private final DirectConversations directs;

  RoomService(
      RoomAccess access,
      RoomStore rooms,
      UserStore users,
      Delivery delivery,
      ConnectedUsers connected,
      Clock clock,
      IdGenerator ids) {
    this.connected = connected;
    this.access = access;
    this.rooms = rooms;
    this.users = users;
    this.delivery = delivery;
    this.clock = clock;
    this.ids = ids;
    this.directs = new DirectConversations(access, rooms, users, delivery, clock, ids);
  }

  @Override
  public RoomSummary createRoom(CreateRoom command) {
    if (command.kind() == RoomKind.DIRECT) {
      throw new InvalidInputException("direct conversations are opened, not created");
    }
    String name = Text.requireVisibleName(command.name(), "room name", Limits.MAX_ROOM_NAME_LENGTH);
    Room room =
        new Room(new RoomId(ids.next()), command.kind(), name, Optional.empty(), clock.instant());
    Membership owner = new Membership(room.id(), command.actor(), Role.OWNER, clock.instant(), 0);
    rooms.insert(room, List.of(owner));
    if (room.kind() == RoomKind.PUBLIC) {
      Set<UserId> everyoneElse = new HashSet<>(connected.connectedUsers());
      everyoneElse.remove(command.actor());
      // Delivered even to nobody here: in a cluster, users connected to other nodes see it too.
      delivery.deliver(
          new PublicRoomCreated(access.summarize(room, Optional.empty())), everyoneElse);
    }
    return access.summarize(room, Optional.of(owner));
  }

  @Override
  public RoomSummary joinRoom(UserId actor, RoomId id) {
    Room room = access.visibleRoom(actor, id);
    Optional<Membership> existing = rooms.membership(id, actor);
    if (existing.isPresent()) {
      return access.summarize(room, existing);
    }
    if (room.kind() != RoomKind.PUBLIC) {
      throw new NotFoundException(RoomAccess.NO_SUCH_ROOM);
    }
    Membership joined = addMember(room, actor, Role.MEMBER);
    return access.summarize(room, Optional.of(joined));
  }

  @Override
  public void leaveRoom(UserId actor, RoomId id) {
    Membership mine = access.requireMember(actor, id);
    List<Membership> members = rooms.members(id);
    boolean lastOwner =
        mine.role() == Role.OWNER
            && members.stream().noneMatch(m -> m.role() == Role.OWNER && !m.userId().equals(actor));
    if (lastOwner && members.size() > 1) {
      throw new ConflictException("the last owner cannot leave while other members remain");
    }
    if (rooms.removeMember(id, actor)) {
      Set<UserId> recipients = access.memberIds(id);
      recipients.add(actor);
      delivery.deliver(new MemberLeft(id, actor), recipients);
    }
  }

  @Override
  public void invite(UserId actor, RoomId id, UserId invitee) {
    Membership mine = access.requireMember(actor, id);
    Room room = access.roomOf(mine);
    if (room.kind() == RoomKind.DIRECT) {
      throw new ForbiddenException("direct conversations do not take new members");
    }
    if (room.kind() == RoomKind.PRIVATE && mine.role() != Role.OWNER) {
      throw new ForbiddenException("only owners may invite to a private room");
    }
    users.findById(invitee).orElseThrow(() -> new NotFoundException("no such user"));
    if (rooms.membership(id, invitee).isEmpty()) {
      addMember(room, invitee, Role.MEMBER);
    }
  }

  @Override
  public void removeMember(UserId actor, RoomId id, UserId member) {
    Membership mine = access.requireMember(actor, id);
    if (mine.role() != Role.OWNER) {
      throw new ForbiddenException("only owners may remove members");
    }
    Membership theirs =
        rooms.membership(id, member).orElseThrow(() -> new NotFoundException("no such member"));
    if (theirs.role() == Role.OWNER) {
      throw new ForbiddenException("owners cannot be removed");
    }
    if (rooms.removeMember(id, member)) {
      // The removed user gets this one last event of the room, then nothing more.
      Set<UserId> recipients = access.memberIds(id);
      recipients.add(member);
      delivery.deliver(new MemberRemoved(id, member, actor), recipients);
    }
  }

  @Override
  public RoomSummary rename(UserId actor, RoomId id, String newName) {
    Membership mine = access.requireMember(actor, id);
    if (mine.role() != Role.OWNER) {
      throw new ForbiddenException("only owners may rename a room");
    }
    String name = Text.requireVisibleName(newName, "room name", Limits.MAX_ROOM_NAME_LENGTH);
    rooms.rename(id, name);
    delivery.deliver(new RoomChanged(id, name), access.memberIds(id));
    return access.summarize(access.roomOf(mine), Optional.of(mine));
  }

  @Override
  public RoomSummary room(UserId actor, RoomId id) {
    Room room = access.visibleRoom(actor, id);
    return access.summarize(room, rooms.membership(id, actor));
  }

  @Override
  public List<RoomSummary> myRooms(UserId actor) {
    return rooms.membershipsOf(actor).stream()
        .flatMap(m -> rooms.find(m.roomId()).map(r -> access.summarize(r, Optional.of(m))).stream())
        .toList();
  }

  @Override
  public List<RoomSummary> publicRooms(UserId actor) {
    return rooms.listPublic(Limits.MAX_PUBLIC_ROOMS_LISTED).stream()
        .map(r -> access.summarize(r, rooms.membership(r.id(), actor)))
        .toList();
  }

  @Override
  public List<MemberView> members(UserId actor, RoomId id) {
    access.visibleRoom(actor, id);
    return rooms.members(id).stream()
        .flatMap(m -> access.userView(m.userId()).map(u -> new MemberView(u, m.role())).stream())
        .toList();
  }

  @Override
  public RoomSummary openDirect(UserId actor, Set<UserId> others) {
    return directs.open(actor, others);
  }

  /** Adds a member who was not one and tells everyone in the room, the newcomer included. */
  private Membership addMember(Room room, UserId user, Role role) {
    long seenUpTo = access.lastSeq(room.id());
    // A newcomer starts with the history already read: unread counts what arrives after joining.
    Membership membership = new Membership(room.id(), user, role, clock.instant(), seenUpTo);
    if (rooms.addMember(membership)) {
      announceJoin(room, membership);
    }
    return rooms.membership(room.id(), user).orElse(membership);
  }

  private void announceJoin(Room room, Membership membership) {
    access
        .userView(membership.userId())
        .ifPresent(
            user ->
                delivery.deliver(
                    new MemberJoined(
                        access.summarizeForMembers(room), new MemberView(user, membership.role())),
                    access.memberIds(room.id())));
  }
}
