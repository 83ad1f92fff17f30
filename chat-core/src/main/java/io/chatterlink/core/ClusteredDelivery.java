package io.chatterlink.core;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.MemberJoined;
import io.chatterlink.core.event.MemberLeft;
import io.chatterlink.core.event.MemberRemoved;
import io.chatterlink.core.event.PublicRoomCreated;
import io.chatterlink.core.event.ReadMarkerMoved;
import io.chatterlink.core.event.RoomChanged;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged.Change;
import io.chatterlink.core.port.out.Delivery;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery the services use on a node of a cluster: every event goes to this node's connections
 * as before, and the bus tells the other nodes what happened, as a pointer they turn back into the
 * same event from the database ({@link ClusterEvents}). Message entries are not announced here:
 * {@link MessageService} announces them right after their commit, and presence is combined over the
 * nodes by {@link PresenceService}.
 */
final class ClusteredDelivery implements Delivery {
  private final Delivery local;
  private final ClusterBus bus;

  ClusteredDelivery(Delivery local, ClusterBus bus) {
    this.local = local;
    this.bus = bus;
  }

  @Override
  public void deliver(ChatEvent event, Set<UserId> recipients) {
    local.deliver(event, recipients);
    signalFor(event).ifPresent(bus::publish);
  }

  @Override
  public void closeSessions(Set<SessionId> sessions) {
    local.closeSessions(sessions);
    bus.publish(new ClusterSignal.SessionsRevoked());
  }

  @Override
  public void recheckSessions() {
    local.recheckSessions();
  }

  /**
   * The signal from which another node rebuilds {@code event}; empty for what it gets otherwise.
   */
  static Optional<ClusterSignal> signalFor(ChatEvent event) {
    if (event instanceof MemberJoined e) {
      return Optional.of(
          new MembershipChanged(
              e.room().id(), e.member().user().id(), Change.JOINED, Optional.empty()));
    }
    if (event instanceof MemberLeft e) {
      return Optional.of(
          new MembershipChanged(e.roomId(), e.userId(), Change.LEFT, Optional.empty()));
    }
    if (event instanceof MemberRemoved e) {
      return Optional.of(
          new MembershipChanged(
              e.roomId(), e.userId(), Change.REMOVED, Optional.of(e.removedBy())));
    }
    if (event instanceof RoomChanged e) {
      return Optional.of(new ClusterSignal.RoomRenamed(e.roomId()));
    }
    if (event instanceof PublicRoomCreated e) {
      return Optional.of(new ClusterSignal.PublicRoomOpened(e.room().id()));
    }
    if (event instanceof ReadMarkerMoved e) {
      return Optional.of(new ClusterSignal.ReadMarkerMoved(e.roomId(), e.userId(), e.seq()));
    }
    if (event instanceof TypingChanged e) {
      return Optional.of(new ClusterSignal.Typing(e.roomId(), e.userId(), e.typing()));
    }
    return Optional.empty(); // sequenced entries and presence: see the class comment
  }
}
