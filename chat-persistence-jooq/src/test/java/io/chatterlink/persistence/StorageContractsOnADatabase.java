package io.chatterlink.persistence;

import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.contract.AttachmentStoreContract;
import io.chatterlink.testkit.contract.MessageStoreContract;
import io.chatterlink.testkit.contract.RoomStoreContract;
import io.chatterlink.testkit.contract.SessionStoreContract;
import io.chatterlink.testkit.contract.UserStoreContract;
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

  Storage freshStorage() {
    open = openFresh();
    return open;
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
    protected Storage newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Rooms extends RoomStoreContract {
    @Override
    protected Storage newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Messages extends MessageStoreContract {
    @Override
    protected Storage newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Attachments extends AttachmentStoreContract {
    @Override
    protected Storage newStorage() {
      return freshStorage();
    }
  }

  @Nested
  class Sessions extends SessionStoreContract {
    @Override
    protected Storage newStorage() {
      return freshStorage();
    }
  }
}
