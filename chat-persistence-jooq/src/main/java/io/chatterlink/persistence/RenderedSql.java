package io.chatterlink.persistence;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * A hot read's SQL, rendered by jOOQ on first use and kept. Not rendered when the stores are built:
 * rendering every hot read up front took about 0.1 s of start-up, and each is rendered only once
 * either way. Two threads using it first at once both render it, to the same text.
 */
final class RenderedSql {
  private final DSLContext dsl;
  private final Supplier<Query> query;
  private volatile String text;

  RenderedSql(DSLContext dsl, Supplier<Query> query) {
    this.dsl = dsl;
    this.query = query;
  }

  /** The SQL in {@code dsl}'s dialect, each value a {@code ?} parameter in the query's order. */
  String text() {
    String rendered = text;
    if (rendered == null) {
      rendered = dsl.render(query.get());
      text = rendered;
    }
    return rendered;
  }

  @Override
  public String toString() {
    return text();
  }
}
