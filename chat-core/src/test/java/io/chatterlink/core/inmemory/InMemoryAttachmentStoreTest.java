package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.AttachmentStoreContract;
import io.chatterlink.core.contract.StoragePorts;

class InMemoryAttachmentStoreTest extends AttachmentStoreContract {
  @Override
  protected StoragePorts newStorage() {
    return InMemoryStorage.fresh();
  }
}
