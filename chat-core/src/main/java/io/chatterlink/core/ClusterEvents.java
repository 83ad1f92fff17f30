package io.chatterlink.core;

import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberLeft;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.MemberView;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Role;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.RoomStore;
import java.util.Optional;
import java.util.Set;

/**
 * Turns another node's room signals back into the events its services delivered there, read from
 * the database, and delivers them to this node's connections, to the same audience: the mirror of
 * {@link ClusteredDelivery#signalFor}. Runs on the cluster thread only.
 */
final class ClusterEvents {
  private final RoomAccess access;
  private final RoomStore rooms;
  private final Delivery local;
  private final ConnectedUsers connected;

  ClusterEvents(RoomAccess access, RoomStore rooms, Delivery local, ConnectedUsers connected) {
    this.access = access;
    this.rooms = rooms;
    this.local = local;
    this.connected = connected;
  }

  /**
   * Forgets the room's cached members first, so that this node's next recipients and membership
   * checks see the change: a removed member gets this last event of the room and nothing after it.
   */
  void membershipChanged(MembershipChanged s) {
    rooms.membersChangedElsewhere(s.room());
    switch (s.change()) {
      case JOINED -> joined(s.room(), s.member());
      case LEFT -> local.deliver(new MemberLeft(s.room(), s.member()), withDeparted(s));
      case REMOVED ->
          local.deliver(
              new MemberRemoved(s.room(), s.member(), s.by().orElseThrow()), withDeparted(s));
    }
  }

  /** A membership signal may have been lost: the room's members are read afresh next time. */
  void forgetMembers(RoomId room) {
    rooms.membersChangedElsewhere(room);
  }

  private Set<UserId> withDeparted(MembershipChanged s) {
    Set<UserId> recipients = access.memberIds(s.room());
    recipients.add(s.member());
    return recipients;
  }

  private void joined(RoomId roomId, UserId member) {
    Optional<Room> room = rooms.find(roomId);
    Optional<Membership> membership = rooms.membership(roomId, member);
    if (room.isEmpty() || membership.isEmpty()) {
      return; // gone again since: the signal that says so follows
    }
    access
        .userView(member)
        .ifPresent(
            user ->
                local.deliver(
                    new MemberJoined(
                        access.summarizeForMembers(room.get()),
                        new MemberView(user, membership.get().role())),
                    access.memberIds(roomId)));
  }

  void renamed(ClusterSignal.RoomRenamed s) {
    rooms
        .find(s.room())
        .ifPresent(
            room ->
                local.deliver(
                    new RoomChanged(room.id(), room.name()), access.memberIds(room.id())));
  }

  /** To everyone connected here, except the room's owner: its creator has it already. */
  void publicRoomOpened(ClusterSignal.PublicRoomOpened s) {
    Optional<Room> room = rooms.find(s.room());
    if (room.isEmpty()) {
      return;
    }
    Set<UserId> audience = connected.connectedUsers();
    rooms.members(s.room()).stream()
        .filter(m -> m.role() == Role.OWNER)
        .forEach(m -> audience.remove(m.userId()));
    if (!audience.isEmpty()) {
      local.deliver(
          new PublicRoomCreated(access.summarize(room.get(), Optional.empty())), audience);
    }
  }

  void readMarkerMoved(ClusterSignal.ReadMarkerMoved s) {
    local.deliver(new ReadMarkerMoved(s.room(), s.user(), s.seq()), Set.of(s.user()));
  }

  void typing(ClusterSignal.Typing s) {
    Set<UserId> others = access.memberIds(s.room());
    others.remove(s.user());
    if (!others.isEmpty()) {
      local.deliver(new TypingChanged(s.room(), s.user(), s.typing()), others);
    }
  }
}
