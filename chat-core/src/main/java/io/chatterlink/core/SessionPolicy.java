package io.chatterlink.core;

import io.chatterlink.core.model.Session;
import java.time.Duration;
import java.time.Instant;

/**
 * When a session expires, and when its last use is worth writing down.
 *
 * @param idleTimeout a session unused for this long is expired
 * @param absoluteTimeout a session this old is expired, however much it is used
 */
record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {
  /**
   * Most time between two writes of a session's last use. Writing on every request would turn each
   * read into a database write; the idle expiry is then late by at most this much.
   */
  static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

  boolean isExpired(Session session, Instant now) {
    return !now.isBefore(session.createdAt().plus(absoluteTimeout))
        || !now.isBefore(session.lastSeenAt().plus(idleTimeout));
  }

  /** Whether to record this use: a tenth of the idle timeout, at most a minute, after the last. */
  boolean shouldTouch(Session session, Instant now) {
    Duration interval = idleTimeout.dividedBy(10);
    if (interval.compareTo(MAX_TOUCH_INTERVAL) > 0) {
      interval = MAX_TOUCH_INTERVAL;
    }
    return !now.isBefore(session.lastSeenAt().plus(interval));
  }
}
