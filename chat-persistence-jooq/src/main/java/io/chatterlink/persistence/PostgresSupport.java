package io.chatterlink.persistence;

import java.util.List;

/**
 * PostgreSQL support is an optional dependency of this module: an SQLite embedder does not get the
 * driver nor Flyway's PostgreSQL module. A PostgreSQL URL is checked before either is touched, so
 * that a missing one is a message naming its Maven coordinates instead of "no suitable driver" or
 * Flyway's "unsupported database".
 */
final class PostgresSupport {
  /** Each library, known by one class it ships, and its coordinates. */
  private static final List<List<String>> LIBRARIES =
      List.of(
          List.of("org.postgresql.Driver", "org.postgresql:postgresql"),
          List.of(
              "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
              "org.flywaydb:flyway-database-postgresql"));

  private PostgresSupport() {}

  /**
   * Checks that the PostgreSQL driver and Flyway's PostgreSQL module are on this module's class
   * path.
   *
   * @throws IllegalStateException naming the missing artifacts and how to add them
   */
  static void require() {
    ClassLoader loader = PostgresSupport.class.getClassLoader();
    List<String> missing =
        LIBRARIES.stream()
            .filter(library -> !isPresent(library.get(0), loader))
            .map(library -> library.get(1))
            .toList();
    if (!missing.isEmpty()) {
      String artifacts = String.join(" and ", missing);
      throw new IllegalStateException(
          "DATABASE_URL names a PostgreSQL database, but "
              + artifacts
              + (missing.size() == 1 ? " is" : " are")
              + " not on the class path: chat-persistence-jooq's PostgreSQL support is an optional"
              + " dependency. Add "
              + artifacts
              + " to your build, at the versions in the table \"What you need for what\" of"
              + " docs/embedding.md");
    }
  }

  private static boolean isPresent(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
