package io.chatterlink.persistence;

import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.testkit.contract.RateWindowsContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The rate windows' contract (shared throttles) on a fresh SQLite file per test. */
class SqliteRateWindowsTest extends RateWindowsContract {
  @TempDir Path folder;
  private final List<JooqStorage> open = new ArrayList<>();

  @Override
  protected RateWindows newRateWindows() {
    return sameDatabaseAgain();
  }

  @Override
  protected RateWindows sameDatabaseAgain() {
    JooqStorage storage =
        JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
    open.add(storage);
    return storage.rateWindows();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
