package io.chatterlink.testkit;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.UserStoreContract;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;

/**
 * The README's example of testing one's own adapter with the test kit, compiled and run: the
 * in-memory storage stands in for the embedder's. {@code ReadmeMatchesEmbeddingExampleTest} keeps
 * the README's copy equal to the code between the markers.
 */
// README-ADAPTER-BEGIN
class ReadmeAdapterExampleTest extends UserStoreContract {
  @Override
  protected Storage newStorage() {
    return InMemoryAdapters.create(); // your storage here: a new, empty one for each test
  }
}
// README-ADAPTER-END
