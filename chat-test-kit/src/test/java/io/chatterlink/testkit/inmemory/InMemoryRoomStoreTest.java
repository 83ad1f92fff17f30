package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.RoomStoreContract;

class InMemoryRoomStoreTest extends RoomStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create();
  }
}
