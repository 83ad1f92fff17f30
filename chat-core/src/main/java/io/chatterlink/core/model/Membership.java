package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's place in a room.
 *
 * @param roomId the room
 * @param userId the member
 * @param role what the member may do in the room
 * @param joinedAt when the user joined
 * @param lastReadSeq the member's read marker: every message with a seq at or below it is read;
 *     only ever moves forward
 */
public record Membership(
    RoomId roomId, UserId userId, Role role, Instant joinedAt, long lastReadSeq) {
  /**
   * Checks the membership.
   *
   * @param roomId the room
   * @param userId the member
   * @param role their role
   * @param joinedAt when they joined
   * @param lastReadSeq their read marker; not negative (0: nothing read)
   * @throws IllegalArgumentException if {@code lastReadSeq} is negative
   * @throws NullPointerException if another component is null
   */
  public Membership {
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
    if (lastReadSeq < 0) {
      throw new IllegalArgumentException("lastReadSeq must not be negative");
    }
  }
}
