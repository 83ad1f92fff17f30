package io.chatterlink.persistence;

import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.testkit.contract.SingleUseTokensContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The spent tokens' contract (invite codes) on a fresh database of an embedded PostgreSQL server
 * per test.
 */
class PostgresSingleUseTokensTest extends SingleUseTokensContract {
  private final List<JooqStorage> open = new ArrayList<>();
  private String url;

  @Override
  protected SingleUseTokens newSingleUseTokens() {
    url = EmbeddedPostgresServer.freshDatabaseUrl();
    return sameDatabaseAgain();
  }

  @Override
  protected SingleUseTokens sameDatabaseAgain() {
    JooqStorage storage = JooqStorage.open(StorageSettings.of(url));
    open.add(storage);
    return storage.singleUseTokens();
  }

  @AfterEach
  void closeStorage() {
    open.forEach(JooqStorage::close);
  }
}
