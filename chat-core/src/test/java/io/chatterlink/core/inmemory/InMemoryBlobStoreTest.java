package io.chatterlink.core.inmemory;

import io.chatterlink.core.contract.BlobStoreContract;
import io.chatterlink.core.port.out.BlobStore;

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
