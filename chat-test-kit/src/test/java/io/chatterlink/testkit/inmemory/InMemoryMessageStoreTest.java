package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.MessageStoreContract;

class InMemoryMessageStoreTest extends MessageStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create();
  }
}
