package io.chatterlink.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sliding-window counters kept where every server process sees them (the database), for throttles
 * that must hold across nodes and restarts: "record an event under this key, unless the key already
 * had {@code limit} events within the window". The check and the record are one atomic step across
 * every process on the same store, so N parallel attempts over any number of nodes admit exactly
 * {@code limit} of them.
 *
 * <p>Keys are non-blank strings of at most {@value #MAX_KEY_LENGTH} characters, chosen by the
 * caller (a prefix per throttle keeps throttles apart: {@code "registration:10.0.0.1"}); anything
 * else is refused with {@link IllegalArgumentException}. Each event expires one window after it was
 * recorded; a key's expired events are dropped when it is next acquired, and {@link #prune} deletes
 * the rest, so nothing is kept for ever.
 */
public interface RateWindows {
  /** Longest key accepted. */
  int MAX_KEY_LENGTH = 200;

  /** Largest {@code limit} accepted: a window never holds more events than this per key. */
  int MAX_LIMIT = 100_000;

  /**
   * Records one event at {@code now} under {@code key} if fewer than {@code limit} of its events
   * are still within their window (recorded after {@code now - window}); otherwise records nothing.
   * Refused attempts do not count.
   *
   * @param key the throttled thing, e.g. {@code "registration:" + address} (see the class
   *     description for its form)
   * @param limit the most events the key may have within one window, 1 to {@value #MAX_LIMIT}; may
   *     differ between calls (a lower limit refuses until enough events have left the window)
   * @param window how long an event counts; positive
   * @param now the instant of this attempt, from the caller's clock
   * @return {@link Admitted} with the events now counted (this one included), or {@link Refused}
   *     with the instant the oldest counted event leaves the window
   * @throws IllegalArgumentException for a bad key, a {@code limit} outside 1 to {@value
   *     #MAX_LIMIT}, or a window that is not positive
   */
  Decision acquire(String key, int limit, Duration window, Instant now);

  /**
   * Deletes every event whose window ended at or before {@code now}, under any key. Call it now and
   * then (a scheduled sweep); keys still count the events that are left.
   *
   * @param now the caller's clock
   * @return how many events were deleted
   */
  int prune(Instant now);

  /** The outcome of {@link #acquire}. */
  sealed interface Decision permits Admitted, Refused {}

  /**
   * The event was recorded.
   *
   * @param counted the key's events within the window, this one included (1 to the limit)
   */
  record Admitted(int counted) implements Decision {
    /**
     * Checks that the count includes the admitted event.
     *
     * @param counted the key's events within the window, at least 1
     * @throws IllegalArgumentException if {@code counted < 1}
     */
    public Admitted {
      if (counted < 1) {
        throw new IllegalArgumentException("an admitted event counts itself");
      }
    }
  }

  /**
   * The key is at its limit; nothing was recorded.
   *
   * @param retryAt when the oldest counted event leaves the window and an attempt can succeed
   */
  record Refused(Instant retryAt) implements Decision {
    /**
     * Checks that the refusal says when to retry.
     *
     * @param retryAt when an attempt can succeed; required
     * @throws NullPointerException if {@code retryAt} is null
     */
    public Refused {
      Objects.requireNonNull(retryAt, "retryAt");
    }
  }
}
