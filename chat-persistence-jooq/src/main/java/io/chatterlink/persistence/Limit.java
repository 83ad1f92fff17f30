package io.chatterlink.persistence;

/** The check every store method with a {@code limit} makes, as the in-memory stores do. */
final class Limit {
  private Limit() {}

  /**
   * @throws IllegalArgumentException if {@code limit} is below one: a caller's bug, not input
   */
  static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }
}
