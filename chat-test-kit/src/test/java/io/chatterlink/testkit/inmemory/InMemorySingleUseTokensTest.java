package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.testkit.contract.SingleUseTokensContract;

class InMemorySingleUseTokensTest extends SingleUseTokensContract {
  private SingleUseTokens last;

  @Override
  protected SingleUseTokens newSingleUseTokens() {
    last = InMemoryAdapters.create().singleUseTokens();
    return last;
  }

  /** In memory, "the same database" is the same instance. */
  @Override
  protected SingleUseTokens sameDatabaseAgain() {
    return last;
  }
}
