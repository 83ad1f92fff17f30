package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.AttachmentStoreContract;

class InMemoryAttachmentStoreTest extends AttachmentStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create();
  }
}
