package io.chatterlink.persistence;

import io.chatterlink.core.contract.AttachmentStoreContract;
import io.chatterlink.core.contract.MessageStoreContract;
import io.chatterlink.core.contract.RoomStoreContract;
import io.chatterlink.core.contract.SessionStoreContract;
import io.chatterlink.core.contract.StoragePorts;
import io.chatterlink.core.contract.UserStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The core's storage contracts, each test on a fresh database of an embedded PostgreSQL server. */
class PostgresStorageContractsTest {
  private JooqStorage open;

  StoragePorts freshStorage() {
    open = JooqStorage.open(StorageSettings.of(EmbeddedPostgresServer.freshDatabaseUrl()));
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
