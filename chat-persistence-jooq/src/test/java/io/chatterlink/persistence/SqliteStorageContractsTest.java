package io.chatterlink.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The core's storage contracts, each test on a fresh SQLite file. */
class SqliteStorageContractsTest extends StorageContractsOnADatabase {
  @TempDir Path folder;

  @Override
  JooqStorage openFresh() {
    return JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
  }
}
