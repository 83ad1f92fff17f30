package io.chatterlink.core;

import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is typing where, with a server-side expiry so that a vanished client never types forever.
 * Events go to the room's other members: the typist knows already.
 */
final class TypingTracker {
  static final Duration EXPIRY = Duration.ofSeconds(Limits.TYPING_EXPIRY_SECONDS);

  private record Typist(RoomId room, UserId user) {}

  private final RoomAccess access;
  private final Delivery delivery;
  private final Clock clock;
  private final Map<Typist, Instant> expiries = new ConcurrentHashMap<>();

  TypingTracker(RoomAccess access, Delivery delivery, Clock clock) {
    this.access = access;
    this.delivery = delivery;
    this.clock = clock;
  }

  void start(UserId user, RoomId room) {
    Instant expiry = clock.instant().plus(EXPIRY);
    if (expiries.put(new Typist(room, user), expiry) == null) {
      announce(room, user, true);
    }
  }

  void stop(UserId user, RoomId room) {
    if (expiries.remove(new Typist(room, user)) != null) {
      announce(room, user, false);
    }
  }

  /** Stops the user's typing in every room (their last connection closed). */
  void stopEverywhere(UserId user) {
    for (Typist typist : List.copyOf(expiries.keySet())) {
      if (typist.user().equals(user) && expiries.remove(typist) != null) {
        announce(typist.room(), user, false);
      }
    }
  }

  void expire() {
    Instant now = clock.instant();
    List<Typist> expired = new ArrayList<>();
    expiries.forEach(
        (typist, expiry) -> {
          if (!now.isBefore(expiry)) {
            expired.add(typist);
          }
        });
    for (Typist typist : expired) {
      Instant expiry = expiries.get(typist);
      // Removed only if not renewed meanwhile by a new start.
      if (expiry != null && !now.isBefore(expiry) && expiries.remove(typist, expiry)) {
        announce(typist.room(), typist.user(), false);
      }
    }
  }

  private void announce(RoomId room, UserId user, boolean typing) {
    Set<UserId> others = access.memberIds(room);
    others.remove(user);
    if (!others.isEmpty()) {
      delivery.deliver(new TypingChanged(room, user, typing), others);
    }
  }
}
