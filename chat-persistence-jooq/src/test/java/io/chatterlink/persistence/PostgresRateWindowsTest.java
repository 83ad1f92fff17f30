package io.chatterlink.persistence;

import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.testkit.contract.RateWindowsContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The rate windows' contract (shared throttles) on a fresh database of an embedded PostgreSQL
 * server per test.
 */
class PostgresRateWindowsTest extends RateWindowsContract {
  private final List<JooqStorage> open = new ArrayList<>();
  private String url;

  @Override
  protected RateWindows newRateWindows() {
    url = EmbeddedPostgresServer.freshDatabaseUrl();
    return sameDatabaseAgain();
  }

  @Override
  protected RateWindows sameDatabaseAgain() {
    JooqStorage storage = JooqStorage.open(StorageSettings.of(url));
    open.add(storage);
    return storage.rateWindows();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
