package io.chatterlink.core.port.out;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.util.Objects;

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
   * The room's members, roles or settings changed (join, leave, removal, rename): receivers drop
   * what they cached about the room before acting on any later signal for it. A publisher sends it
   * before the {@link RoomAdvanced} that depends on it; the bus keeps that order.
   */
  record MembershipChanged(RoomId room) implements ClusterSignal {
    public MembershipChanged {
      Objects.requireNonNull(room, "room");
    }
  }

  /**
   * Some of the user's sessions were revoked (logout, password change, an administrator's reset):
   * receivers re-check the sessions of that user's open connections against the database and close
   * those no longer valid. Carries no session id, so a leaked signal reveals nothing usable.
   */
  record SessionsRevoked(UserId user) implements ClusterSignal {
    public SessionsRevoked {
      Objects.requireNonNull(user, "user");
    }
  }

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
}
