package io.chatterlink.testkit.inmemory;

import io.chatterlink.core.port.out.BlobStore;
import io.chatterlink.testkit.contract.BlobStoreContract;

class InMemoryBlobStoreTest extends BlobStoreContract {
  private BlobStore last;

  @Override
  protected BlobStore newBlobStore() {
    last = InMemoryAdapters.create().blobs();
    return last;
  }

  /** In memory, "the same storage" is the same instance. */
  @Override
  protected BlobStore sameStorageAgain() {
    return last;
  }
}
