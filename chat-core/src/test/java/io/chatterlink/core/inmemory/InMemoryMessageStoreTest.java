package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.MessageStoreContract;
import io.chatterlink.core.contract.StoragePorts;

class InMemoryMessageStoreTest extends MessageStoreContract {
  @Override
  protected StoragePorts newStorage() {
    return InMemoryStorage.fresh();
  }
}
