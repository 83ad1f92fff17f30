package io.chatterlink.persistence;

import java.util.Objects;

/**
 * Where and how {@link JooqStorage} keeps its data.
 *
 * <p>{@code jdbcUrl} is the {@code DATABASE_URL} setting, in any of these forms:
 *
 * <ul>
 *   <li>{@code jdbc:sqlite:/path/to/chat.db}, or SQLAlchemy's {@code sqlite:///relative/chat.db}
 *       and {@code sqlite:////absolute/chat.db} (three slashes, then the path): an SQLite file
 *       (created, with its parent folders, if missing). No query string: the pragmas are set by
 *       this module (WAL, {@code busy_timeout}, foreign keys, and {@code synchronous} from {@code
 *       durability}). In-memory SQLite is refused, since every pooled connection would see another
 *       database.
 *   <li>{@code jdbc:postgresql://host:port/db?user=...&password=...}: PostgreSQL, as the driver
 *       takes it.
 *   <li>{@code postgresql://user:password@host:port/db} (or {@code postgres://...}): PostgreSQL in
 *       the URL form of libpq and of the Python original.
 * </ul>
 *
 * @param jdbcUrl the database URL; never logged or shown in errors, since it may hold a password
 * @param durability what a commit survives on SQLite; see {@link Durability}
 */
public record StorageSettings(String jdbcUrl, Durability durability) {
  /**
   * Validates presence only; the URL's form is checked by {@link JooqStorage#open}.
   *
   * @param jdbcUrl the database URL, in one of the forms above
   * @param durability what a commit survives on SQLite (ignored on PostgreSQL)
   * @throws NullPointerException if an argument is null
   */
  public StorageSettings {
    Objects.requireNonNull(jdbcUrl, "DATABASE_URL");
    Objects.requireNonNull(durability, "durability");
  }

  /**
   * Settings with the default durability.
   *
   * @param jdbcUrl the database URL, in one of the forms above
   * @return settings for {@code jdbcUrl} with {@link Durability#NORMAL}
   */
  public static StorageSettings of(String jdbcUrl) {
    return new StorageSettings(jdbcUrl, Durability.NORMAL);
  }

  @Override
  public String toString() {
    return "StorageSettings[jdbcUrl=hidden, durability=" + durability + "]";
  }
}
