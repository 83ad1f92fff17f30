package io.chatterlink.persistence;

import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.testkit.contract.LoginAttemptsContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The login throttle's contract on a fresh database of an embedded PostgreSQL server per test. */
class PostgresLoginAttemptsTest extends LoginAttemptsContract {
  private final List<JooqStorage> open = new ArrayList<>();
  private String url;

  @Override
  protected LoginAttempts newLoginAttempts() {
    url = EmbeddedPostgresServer.freshDatabaseUrl();
    return sameDatabaseAgain();
  }

  @Override
  protected LoginAttempts sameDatabaseAgain() {
    JooqStorage storage = JooqStorage.open(StorageSettings.of(url));
    open.add(storage);
    return storage.loginAttempts();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
