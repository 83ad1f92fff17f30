package io.chatterlink.persistence;

import io.chatterlink.core.contract.AttachmentStoreContract;
import io.chatterlink.core.contract.MessageStoreContract;
import io.chatterlink.core.contract.RoomStoreContract;
import io.chatterlink.core.contract.SessionStoreContract;
import io.chatterlink.core.contract.StoragePorts;
import io.chatterlink.core.contract.UserStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The core's storage contracts on one kind of database: each concrete subclass (one per database)
 * says how to open a fresh database, and surefire reports each database's failures under that
 * subclass's name. One harness, so that both databases always run the same contracts.
 */
abstract class StorageContractsOnADatabase {
  private JooqStorage open;

  /** Opens a fresh, empty database of this kind. */
  abstract JooqStorage openFresh();

  StoragePorts freshStorage() {
    open = openFresh();
    return TestStorage.ports(open);
  }

  @AfterEach
  void closeStorage() {
    if (open != null) {
      open.close();
    }
  }

  @Nested
  class Users extends UserStoreContract {
    @Override
    protected StoragePorts newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Rooms extends RoomStoreContract {
    @Override
    protected StoragePorts newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Messages extends MessageStoreContract {
    @Override
    protected StoragePorts newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Attachments extends AttachmentStoreContract {
    @Override
    protected StoragePorts newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Sessions extends SessionStoreContract {
    @Override
    protected StoragePorts newStorage() {
      return freshStorage();
    }
  }
}
