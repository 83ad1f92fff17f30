package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.RoomStoreContract;
import io.chatterlink.core.contract.StoragePorts;

class InMemoryRoomStoreTest extends RoomStoreContract {
  @Override
  protected StoragePorts newStorage() {
    return InMemoryStorage.fresh();
  }
}
