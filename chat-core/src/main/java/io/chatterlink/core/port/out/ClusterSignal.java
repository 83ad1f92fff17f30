package io.chatterlink.core.port.out;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A small signal one node sends to every node of the cluster over the {@link ClusterBus}: a pointer
 * to something the database already holds, or an ephemeral fact that is never stored. Never a
 * message body or anything secret: a receiver that needs more reads the database. Every field is an
 * id, a number or a flag, so an encoded signal stays well under a few hundred bytes.
 *
 * <p>The set is deliberately small (see {@code ../shared/design/scale-out.md}): each kind names a
 * piece of state a receiving node must re-read or update.
 */
public sealed interface ClusterSignal {
  /**
   * The room's log holds entries up to {@code seq} (committed). Receivers with subscribers in the
   * room read the entries after the last seq they delivered, once per node, from the database.
   *
   * @param seq the highest committed seq, at least 1
   */
  record RoomAdvanced(RoomId room, long seq) implements ClusterSignal {
    public RoomAdvanced {
      Objects.requireNonNull(room, "room");
      if (seq < 1) {
        throw new InvalidInputException("RoomAdvanced seq must be at least 1, was " + seq);
      }
    }
  }

  /**
   * A member joined, left or was removed from the room: receivers drop what they cached about the
   * room's members ({@link RoomStore#membersChangedElsewhere}) before acting on any later signal,
   * then tell their own connections. A publisher sends it before any {@link RoomAdvanced} that
   * depends on it; the bus keeps one publisher's order.
   *
   * @param by who removed the member; empty unless {@code change} is {@link Change#REMOVED}
   */
  record MembershipChanged(RoomId room, UserId member, Change change, Optional<UserId> by)
      implements ClusterSignal {
    public MembershipChanged {
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(by, "by");
      if (by.isPresent() != (change == Change.REMOVED)) {
        throw new InvalidInputException("a remover is named for a removal, and only for one");
      }
    }

    /** What happened to the member. */
    public enum Change {
      /** Joined, was invited or was added to a new direct conversation. */
      JOINED,
      /** Left on their own. */
      LEFT,
      /** Removed by an owner. */
      REMOVED
    }
  }

  /** The room was renamed: receivers read its new name from the database. */
  record RoomRenamed(RoomId room) implements ClusterSignal {
    public RoomRenamed {
      Objects.requireNonNull(room, "room");
    }
  }

  /**
   * A public room was created: receivers show it to the users connected to them (not to its owner,
   * who created it).
   */
  record PublicRoomOpened(RoomId room) implements ClusterSignal {
    public PublicRoomOpened {
      Objects.requireNonNull(room, "room");
    }
  }

  /**
   * The user's read marker in the room moved to {@code seq}: receivers tell that user's own
   * connections (their other tabs and devices).
   */
  record ReadMarkerMoved(RoomId room, UserId user, long seq) implements ClusterSignal {
    public ReadMarkerMoved {
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(user, "user");
      if (seq < 0) {
        throw new InvalidInputException("ReadMarkerMoved seq must not be negative, was " + seq);
      }
    }
  }

  /**
   * Sessions were revoked (logout, password change, an administrator's reset): receivers re-check
   * the sessions of their open connections against the database and close those that ended. Carries
   * no session or user id, so a leaked signal reveals nothing.
   */
  record SessionsRevoked() implements ClusterSignal {}

  /**
   * The user's presence <em>on the sending node</em> is now {@code status}; a receiver combines the
   * nodes' states (a user is online if online on any node).
   */
  record PresenceOnNode(UserId user, PresenceStatus status) implements ClusterSignal {
    public PresenceOnNode {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(status, "status");
    }
  }

  /** The user started ({@code typing}) or stopped typing in the room. Ephemeral, never stored. */
  record Typing(RoomId room, UserId user, boolean typing) implements ClusterSignal {
    public Typing {
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * The sending node is alive: sent every few seconds. A node not heard from for the presence lease
   * is taken for dead, and its users' presence on it is dropped.
   *
   * @param sentAtMillis the sender's clock when it sent this (epoch milliseconds): a node hearing
   *     its own heartbeat measures the bus's lag with it
   */
  record NodeAlive(long sentAtMillis) implements ClusterSignal {}

  /**
   * A node started, or lost signals: every node answers by publishing a {@link PresenceOnNode} for
   * each user connected to it, so that the asker knows who is online where.
   */
  record PresenceWanted() implements ClusterSignal {}
}
