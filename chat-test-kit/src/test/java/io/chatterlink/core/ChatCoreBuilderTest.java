package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.out.Storage;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatCoreBuilderTest {
  @Test
  void buildingWithoutAPortNamesTheMissingPort() {
    InMemoryAdapters adapters = InMemoryAdapters.create();

    assertThatThrownBy(() -> ChatCore.builder().users(adapters.users()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rooms(...)")
        .hasMessageContaining("storage(...)");
  }

  @Test
  void oneStorageGivesTheCoreAllItsStores() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    Storage storage = adapters;
    ChatCore core =
        ChatCore.builder()
            .storage(storage)
            .cipher(InMemoryAdapters.testOnlyCipher())
            .passwordHasher(InMemoryAdapters.testOnlyFastHasher())
            .delivery(adapters.delivery())
            .build();

    var alice = core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
    var room = core.rooms().createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC));

    assertThat(storage.users().findById(alice.id())).isPresent();
    assertThat(storage.rooms().members(room.id())).hasSize(1);
  }

  @Test
  void aStoreSetAfterTheStorageReplacesOnlyThatStore() {
    InMemoryAdapters storage = InMemoryAdapters.create();
    InMemoryAdapters otherUsers = InMemoryAdapters.create();
    ChatCore core =
        storage.coreBuilderWithTestOnlyCrypto().storage(storage).users(otherUsers.users()).build();

    var alice = core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty()));
    core.rooms().createRoom(new CreateRoom(alice.id(), "general", RoomKind.PUBLIC));

    assertThat(otherUsers.users().findById(alice.id())).isPresent();
    assertThat(storage.users().findById(alice.id())).isEmpty();
    assertThat(storage.rooms().listPublic(10)).hasSize(1);
  }

  @Test
  void aMissingStorageIsRefusedAtOnce() {
    assertThatThrownBy(() -> ChatCore.builder().storage(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("storage");
  }

  @Test
  void sessionTimeoutsMustBePositive() {
    ChatCore.Builder builder = InMemoryAdapters.create().coreBuilderWithTestOnlyCrypto();

    assertThatThrownBy(() -> builder.sessionIdleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.sessionAbsoluteTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
