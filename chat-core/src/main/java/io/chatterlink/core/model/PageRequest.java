package io.chatterlink.core.model;

import io.chatterlink.core.error.InvalidInputException;
import java.util.Objects;

/**
 * Which page of a room's history to read. Pages are always returned oldest first.
 *
 * @param direction which end of the history, or which side of the anchor, the page is taken from
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

  /**
   * Checks the request.
   *
   * @param direction where the page lies
   * @param anchorSeq the exclusive bound; not negative
   * @param limit the page size, 1 to {@link Limits#MAX_PAGE_SIZE}
   * @throws InvalidInputException if {@code limit} or {@code anchorSeq} is out of range
   */
  public PageRequest {
    Objects.requireNonNull(direction, "direction");
    if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
      throw new InvalidInputException("page limit must be between 1 and " + Limits.MAX_PAGE_SIZE);
    }
    if (anchorSeq < 0) {
      throw new InvalidInputException("seq must not be negative");
    }
  }

  /**
   * The newest messages of the room.
   *
   * @param limit how many, 1 to {@link Limits#MAX_PAGE_SIZE}
   * @return the request
   * @throws InvalidInputException if {@code limit} is out of range
   */
  public static PageRequest latest(int limit) {
    return new PageRequest(Direction.LATEST, 0, limit);
  }

  /**
   * The newest messages older than a seq: the page before one the client already has.
   *
   * @param seq the exclusive upper bound; not negative
   * @param limit how many, 1 to {@link Limits#MAX_PAGE_SIZE}
   * @return the request
   * @throws InvalidInputException if {@code seq} or {@code limit} is out of range
   */
  public static PageRequest before(long seq, int limit) {
    return new PageRequest(Direction.BEFORE, seq, limit);
  }

  /**
   * The oldest messages newer than a seq: catching up from the last one a client saw.
   *
   * @param seq the exclusive lower bound; not negative
   * @param limit how many, 1 to {@link Limits#MAX_PAGE_SIZE}
   * @return the request
   * @throws InvalidInputException if {@code seq} or {@code limit} is out of range
   */
  public static PageRequest after(long seq, int limit) {
    return new PageRequest(Direction.AFTER, seq, limit);
  }
}
