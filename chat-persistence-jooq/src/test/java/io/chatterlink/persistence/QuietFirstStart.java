package io.chatterlink.persistence;

import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * An embedder's first start, run by {@link QuietFirstStartTest} in a JVM of its own: opens a new
 * SQLite file (Flyway migrates it, jOOQ renders its first SQL), writes and reads an account,
 * closes.
 */
final class QuietFirstStart {
  private QuietFirstStart() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + file))) {
      UserId id = new UserId(UUID.randomUUID().toString());
      storage
          .users()
          .insert(
              new User(
                  id,
                  Username.of("alice"),
                  "Alice",
                  new PasswordHash("not-a-hash"),
                  Instant.now()));
      if (storage.users().findById(id).isEmpty()) {
        throw new AssertionError("the account was not stored");
      }
    }
  }
}
