package io.chatterlink.testkit.inmemory;

/** Argument checks shared by the in-memory stores. */
final class Checks {
  private Checks() {}

  /** A result limit must ask for at least one item; a database would reject zero or less too. */
  static void requirePositiveLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
