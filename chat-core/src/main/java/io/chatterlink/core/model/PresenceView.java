package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's presence.
 *
 * @param userId whose presence
 * @param status whether they have a connection open now
 * @param lastSeen when they were last connected; empty until they have been connected since the
 *     server started
 */
public record PresenceView(UserId userId, PresenceStatus status, Optional<Instant> lastSeen) {
  /**
   * Creates the view.
   *
   * @param userId the user
   * @param status online or offline
   * @param lastSeen when they were last connected, if known
   * @throws NullPointerException if a component is null
   */
  public PresenceView {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
