package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.UserStoreContract;

class InMemoryUserStoreTest extends UserStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create();
  }
}
