package io.chatterlink.archfixture.app;

import io.chatterlink.archfixture.persistence.internal.schema.RoomsTable;

/** Breaks "persistence internals stay inside": it uses a generated schema class. */
public final class AppThatQueriesTheSchema {
  /** Reads the schema directly. */
  public String table() {
    return RoomsTable.name();
  }
}
