package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.StoragePorts;
import io.chatterlink.core.contract.UserStoreContract;

class InMemoryUserStoreTest extends UserStoreContract {
  @Override
  protected StoragePorts newStorage() {
    return InMemoryStorage.fresh();
  }
}
