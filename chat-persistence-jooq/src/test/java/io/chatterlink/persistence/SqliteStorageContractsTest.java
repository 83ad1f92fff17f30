package io.chatterlink.persistence;

import io.chatterlink.core.contract.AttachmentStoreContract;
import io.chatterlink.core.contract.MessageStoreContract;
import io.chatterlink.core.contract.RoomStoreContract;
import io.chatterlink.core.contract.SessionStoreContract;
import io.chatterlink.core.contract.StoragePorts;
import io.chatterlink.core.contract.UserStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The core's storage contracts, each test on a fresh SQLite file. */
class SqliteStorageContractsTest {
  @TempDir Path folder;
  private JooqStorage open;

  StoragePorts freshStorage() {
    open = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + folder.resolve("chat.db")));
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
