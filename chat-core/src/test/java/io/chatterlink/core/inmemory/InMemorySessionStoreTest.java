package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.SessionStoreContract;
import io.chatterlink.core.contract.StoragePorts;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected StoragePorts newStorage() {
    return InMemoryStorage.fresh();
  }
}
