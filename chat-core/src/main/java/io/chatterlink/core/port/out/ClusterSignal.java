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
    /**
     * Checks the signal, so that a receiver never reads a log up to nothing.
     *
     * @param room the room whose log advanced; required
     * @param seq the highest committed seq, at least 1
     * @throws NullPointerException if {@code room} is null
     * @throws InvalidInputException if {@code seq < 1} (also when a received signal decodes so)
     */
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
    /**
     * Checks the signal: every component is present, and a remover is named exactly when the change
     * is a removal.
     *
     * @param room the room whose members changed; required
     * @param member the user who joined, left or was removed; required
     * @param change what happened; required
     * @param by the owner who removed the member for {@link Change#REMOVED}, else empty; required
     * @throws NullPointerException if a component is null
     * @throws InvalidInputException if {@code by} is present for a join or leave, or empty for a
     *     removal
     */
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
    /**
     * Checks that the room is named.
     *
     * @param room the renamed room; required
     * @throws NullPointerException if {@code room} is null
     */
    public RoomRenamed {
      Objects.requireNonNull(room, "room");
    }
  }

  /**
   * A public room was created: receivers show it to the users connected to them (not to its owner,
   * who created it).
   */
  record PublicRoomOpened(RoomId room) implements ClusterSignal {
    /**
     * Checks that the room is named.
     *
     * @param room the new public room; required
     * @throws NullPointerException if {@code room} is null
     */
    public PublicRoomOpened {
      Objects.requireNonNull(room, "room");
    }
  }

  /**
   * The user's read marker in the room moved to {@code seq}: receivers tell that user's own
   * connections (their other tabs and devices).
   */
  record ReadMarkerMoved(RoomId room, UserId user, long seq) implements ClusterSignal {
    /**
     * Checks the signal.
     *
     * @param room the room; required
     * @param user the member whose marker moved; required
     * @param seq the marker's new position; not negative (0: nothing read)
     * @throws NullPointerException if {@code room} or {@code user} is null
     * @throws InvalidInputException if {@code seq} is negative
     */
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
    /**
     * Checks that both components are present.
     *
     * @param user the user whose presence on the sending node changed; required
     * @param status their presence on that node; required
     * @throws NullPointerException if either is null
     */
    public PresenceOnNode {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(status, "status");
    }
  }

  /** The user started ({@code typing}) or stopped typing in the room. Ephemeral, never stored. */
  record Typing(RoomId room, UserId user, boolean typing) implements ClusterSignal {
    /**
     * Checks that the room and the user are present.
     *
     * @param room the room typed in; required
     * @param user the member typing; required
     * @param typing true when they started, false when they stopped
     * @throws NullPointerException if {@code room} or {@code user} is null
     */
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
