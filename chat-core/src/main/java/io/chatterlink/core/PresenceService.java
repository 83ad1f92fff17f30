package io.chatterlink.core;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.event.PresenceChanged;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.PresenceView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.PresenceOnNode;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Presence, kept in memory; only "last seen" is also stored ({@link UserStore#recordLastSeen}), so
 * that it survives restarts. A user is online from their first connection until their last closes.
 * Changes go to everyone who shares a room with the user, and to the user.
 *
 * <p>In a cluster each node tells the others its users' presence on it ({@link PresenceOnNode}) and
 * combines theirs ({@link RemotePresence}): a user is online if online on any node, and a change is
 * announced when that combination changes, by every node to its own connections.
 */
final class PresenceService implements TrackPresence, ConnectedUsers {
  /** One user's connections and status; guarded by its own monitor, so users do not contend. */
  private static final class UserPresence {
    final Set<String> connections = new HashSet<>();
    PresenceStatus status = PresenceStatus.OFFLINE;
    PresenceStatus announced = PresenceStatus.OFFLINE;
    Optional<Instant> lastSeen = Optional.empty();
  }

  private final RoomAccess access;
  private final RoomStore rooms;
  private final UserStore users;
  private final Delivery delivery;
  private final Clock clock;
  private final TypingTracker typing;
  private final Map<UserId, UserPresence> presences = new ConcurrentHashMap<>();
  private final RemotePresence remote;
  private final Consumer<ClusterSignal> publish;

  PresenceService(
      RoomAccess access, RoomStore rooms, UserStore users, Delivery delivery, Clock clock) {
    this(access, rooms, users, delivery, clock, new RemotePresence(), signal -> {});
  }

  /**
   * @param remote the other nodes' presence (empty on a single node)
   * @param publish sends a signal to the other nodes (does nothing on a single node)
   */
  PresenceService(
      RoomAccess access,
      RoomStore rooms,
      UserStore users,
      Delivery delivery,
      Clock clock,
      RemotePresence remote,
      Consumer<ClusterSignal> publish) {
    this.access = access;
    this.rooms = rooms;
    this.users = users;
    this.delivery = delivery;
    this.clock = clock;
    this.typing = new TypingTracker(access, delivery, clock);
    this.remote = remote;
    this.publish = publish;
  }

  @Override
  public void connected(UserId actor, String connectionId) {
    UserPresence p = presences.computeIfAbsent(actor, u -> new UserPresence());
    synchronized (p) {
      if (p.connections.add(connectionId) && p.connections.size() == 1) {
        change(actor, p, PresenceStatus.ONLINE);
      }
    }
  }

  @Override
  public void disconnected(UserId actor, String connectionId) {
    UserPresence p = presences.get(actor);
    if (p == null) {
      return;
    }
    boolean wentOffline;
    synchronized (p) {
      wentOffline = p.connections.remove(connectionId) && p.connections.isEmpty();
      if (wentOffline) {
        change(actor, p, PresenceStatus.OFFLINE);
      }
    }
    if (wentOffline) {
      typing.stopEverywhere(actor);
    }
  }

  @Override
  public Set<UserId> connectedUsers() {
    Set<UserId> connected = new HashSet<>();
    presences.forEach(
        (user, p) -> {
          synchronized (p) {
            if (!p.connections.isEmpty()) {
              connected.add(user);
            }
          }
        });
    return connected;
  }

  @Override
  public void setStatus(UserId actor, PresenceStatus status) {
    if (status == PresenceStatus.OFFLINE) {
      throw new InvalidInputException(
          "offline follows from closing connections; set ONLINE or AWAY");
    }
    UserPresence p = presences.get(actor);
    if (p == null) {
      return;
    }
    synchronized (p) {
      // Without a connection the user is offline whatever their client says.
      if (!p.connections.isEmpty() && p.status != status) {
        change(actor, p, status);
      }
    }
  }

  @Override
  public List<PresenceView> presenceIn(UserId actor, RoomId room) {
    access.requireMember(actor, room);
    List<UserId> members = rooms.members(room).stream().map(Membership::userId).toList();
    Map<UserId, Instant> stored = users.lastSeen(members);
    return members.stream().map(u -> viewOf(u, Optional.ofNullable(stored.get(u)))).toList();
  }

  @Override
  public void typing(UserId actor, RoomId room, boolean typing) {
    access.requireMember(actor, room);
    if (typing) {
      this.typing.start(actor, room);
    } else {
      this.typing.stop(actor, room);
    }
  }

  @Override
  public void expireTyping() {
    typing.expire();
  }

  /** Called under the user's monitor, so one user's changes are delivered in order. */
  private void change(UserId user, UserPresence p, PresenceStatus status) {
    p.status = status;
    p.lastSeen = Optional.of(clock.instant());
    try {
      users.recordLastSeen(user, p.lastSeen.get());
    } catch (UnavailableException e) {
      // Storage is down: presence still works from memory; the next change records it again.
    }
    publish.accept(new PresenceOnNode(user, status));
    announceIfChanged(user, p);
  }

  /** Announces the user's presence over all nodes if it differs from what was last announced. */
  private void announceIfChanged(UserId user, UserPresence p) {
    PresenceStatus combined = RemotePresence.better(p.status, remote.best(user));
    if (combined != p.announced) {
      p.announced = combined;
      PresenceView view = new PresenceView(user, combined, p.lastSeen);
      delivery.deliver(new PresenceChanged(view), audienceOf(user));
    }
  }

  /** Another node's presence of these users changed (or that node died): announce what changed. */
  void remoteChanged(Set<UserId> changed) {
    for (UserId user : changed) {
      UserPresence p = presences.computeIfAbsent(user, u -> new UserPresence());
      synchronized (p) {
        PresenceStatus before = p.announced;
        if (RemotePresence.better(p.status, remote.best(user)) != before) {
          p.lastSeen = Optional.of(clock.instant());
          announceIfChanged(user, p);
        }
      }
    }
  }

  /** Tells the other nodes again the presence of every user connected here. */
  void republish() {
    presences.forEach(
        (user, p) -> {
          synchronized (p) {
            if (!p.connections.isEmpty()) {
              publish.accept(new PresenceOnNode(user, p.status));
            }
          }
        });
  }

  /** The live presence, with the stored "last seen" for users not seen since start-up. */
  private PresenceView viewOf(UserId user, Optional<Instant> storedLastSeen) {
    UserPresence p = presences.get(user);
    if (p == null) {
      return new PresenceView(user, remote.best(user), storedLastSeen);
    }
    synchronized (p) {
      PresenceStatus combined = RemotePresence.better(p.status, remote.best(user));
      return new PresenceView(user, combined, p.lastSeen.or(() -> storedLastSeen));
    }
  }

  /** The user and everyone who shares a room with them. */
  private Set<UserId> audienceOf(UserId user) {
    Set<UserId> audience = new LinkedHashSet<>();
    audience.add(user);
    for (Membership m : rooms.membershipsOf(user)) {
      audience.addAll(access.memberIds(m.roomId()));
    }
    return audience;
  }
}
