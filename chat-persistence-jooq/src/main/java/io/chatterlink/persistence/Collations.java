package io.chatterlink.persistence;

import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * Orders text the same way on every dialect: by code point, like the in-memory adapters. SQLite
 * compares bytes by default; PostgreSQL uses the database's locale unless told {@code "C"}.
 */
final class Collations {
  private Collations() {}

  static Field<String> binary(Field<String> field, SQLDialect dialect) {
    return dialect.family() == SQLDialect.POSTGRES ? field.collate("C") : field;
  }
}
