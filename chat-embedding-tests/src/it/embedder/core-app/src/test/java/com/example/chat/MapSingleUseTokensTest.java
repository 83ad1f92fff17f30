package com.example.chat;

import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.testkit.contract.SingleUseTokensContract;

/** The adapter passes the port's contract: every rule ChatterLink's own adapters follow. */
class MapSingleUseTokensTest extends SingleUseTokensContract {
  private SingleUseTokens last;

  @Override
  protected SingleUseTokens newSingleUseTokens() {
    last = new MapSingleUseTokens();
    return last;
  }

  /** In one process, "the same database again" is the same map. */
  @Override
  protected SingleUseTokens sameDatabaseAgain() {
    return last;
  }
}
