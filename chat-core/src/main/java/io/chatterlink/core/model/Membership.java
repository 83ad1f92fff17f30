package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's place in a room.
 *
 * @param lastReadSeq the member's read marker: every message with a seq at or below it is read;
 *     only ever moves forward
 */
public record Membership(
    RoomId roomId, UserId userId, Role role, Instant joinedAt, long lastReadSeq) {
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
