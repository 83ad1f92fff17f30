package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;
import java.util.Objects;

/**
 * Which page of a room's history to read. Pages are always returned oldest first.
 *
 * @param anchorSeq ignored for {@link Direction#LATEST}; exclusive bound otherwise
 * @param limit 1 to {@link Limits#MAX_PAGE_SIZE}
 */
public record PageRequest(Direction direction, long anchorSeq, int limit) {
  /** Where a page lies relative to its anchor. */
  public enum Direction {
    /** The newest messages. */
    LATEST,
    /** Messages with a seq below the anchor, the newest of them. */
    BEFORE,
    /** Messages with a seq above the anchor, the oldest of them. */
    AFTER
  }

  public PageRequest {
    Objects.requireNonNull(direction, "direction");
    if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
      throw new InvalidInputException("page limit must be between 1 and " + Limits.MAX_PAGE_SIZE);
    }
    if (anchorSeq < 0) {
      throw new InvalidInputException("seq must not be negative");
    }
  }

  public static PageRequest latest(int limit) {
    return new PageRequest(Direction.LATEST, 0, limit);
  }

  public static PageRequest before(long seq, int limit) {
    return new PageRequest(Direction.BEFORE, seq, limit);
  }

  public static PageRequest after(long seq, int limit) {
    return new PageRequest(Direction.AFTER, seq, limit);
  }
}
