package io.chatterlink.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A user's presence; {@code lastSeen} is set once they have been connected since start-up. */
public record PresenceView(UserId userId, PresenceStatus status, Optional<Instant> lastSeen) {
  public PresenceView {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
