package io.chatterlink.persistence;

import io.chatterlink.core.contract.StoragePorts;

/** Adapts an open {@link JooqStorage} to the contract tests' {@link StoragePorts}. */
final class TestStorage {
  private TestStorage() {}

  static StoragePorts ports(JooqStorage storage) {
    return new StoragePorts(
        storage.users(),
        storage.rooms(),
        storage.messages(),
        storage.attachments(),
        storage.sessions());
  }
}
