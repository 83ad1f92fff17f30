package io.chatterlink.persistence;

import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.testkit.contract.SingleUseTokensContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The spent tokens' contract (invite codes) on a fresh SQLite file per test. */
class SqliteSingleUseTokensTest extends SingleUseTokensContract {
  @TempDir Path folder;
  private final List<JooqStorage> open = new ArrayList<>();

  @Override
  protected SingleUseTokens newSingleUseTokens() {
    return sameDatabaseAgain();
  }

  @Override
  protected SingleUseTokens sameDatabaseAgain() {
    JooqStorage storage =
        JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
    open.add(storage);
    return storage.singleUseTokens();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
