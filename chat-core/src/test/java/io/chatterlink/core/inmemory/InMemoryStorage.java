package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.StoragePorts;

/** The in-memory stores as the storage contracts want them. */
final class InMemoryStorage {
  private InMemoryStorage() {}

  static StoragePorts fresh() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    return new StoragePorts(
        adapters.users(),
        adapters.rooms(),
        adapters.messages(),
        adapters.attachments(),
        adapters.sessions());
  }
}
