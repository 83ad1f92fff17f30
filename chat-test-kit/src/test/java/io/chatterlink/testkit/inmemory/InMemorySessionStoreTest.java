package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create();
  }
}
