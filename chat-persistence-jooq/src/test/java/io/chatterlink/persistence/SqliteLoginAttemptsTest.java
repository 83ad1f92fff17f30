package io.chatterlink.persistence;

import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.testkit.contract.LoginAttemptsContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The login throttle's contract on a fresh SQLite file per test. */
class SqliteLoginAttemptsTest extends LoginAttemptsContract {
  @TempDir Path folder;
  private final List<JooqStorage> open = new ArrayList<>();

  @Override
  protected LoginAttempts newLoginAttempts() {
    return sameDatabaseAgain();
  }

  @Override
  protected LoginAttempts sameDatabaseAgain() {
    JooqStorage storage =
        JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
    open.add(storage);
    return storage.loginAttempts();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
