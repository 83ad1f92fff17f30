package io.chatterlink.archfixture.persistence.internal.schema;

/** Stands for a generated jOOQ table class, which the app fixture uses. */
public final class RoomsTable {
  /** A column name. */
  public static final String NAME = "name";

  private RoomsTable() {}

  /** The table's name. */
  public static String name() {
    return "rooms";
  }
}
