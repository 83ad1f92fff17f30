package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.PasswordHasher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryAdaptersTest {
  @Test
  void eachCallToCreateGivesIndependentStores() {
    InMemoryAdapters one = InMemoryAdapters.create();
    InMemoryAdapters two = InMemoryAdapters.create();

    assertThat(one.users()).isNotSameAs(two.users());
    assertThat(one.messages()).isNotSameAs(two.messages());
    assertThat(one.delivery()).isNotSameAs(two.delivery());
    assertThat(one.users()).isSameAs(one.users());
  }

  @Test
  void theCoreBuilderHasEveryPortSet() {
    ChatCore core = InMemoryAdapters.create().coreBuilderWithTestOnlyCrypto().build();

    assertThat(core.accounts()).isNotNull();
    assertThat(core.messages()).isNotNull();
  }

  @Test
  void theCallerChoosesTheCipherAndHasherOfTheCoreBuilder() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    AtomicInteger hashes = new AtomicInteger();
    PasswordHasher counting =
        new PasswordHasher() {
          private final PasswordHasher real = InMemoryAdapters.testOnlyFastHasher();

          @Override
          public PasswordHash hash(String password) {
            hashes.incrementAndGet();
            return real.hash(password);
          }

          @Override
          public boolean verify(String password, PasswordHash hash) {
            return real.verify(password, hash);
          }
        };
    ChatCore core = adapters.coreBuilder(new TestOnlyCipher(7, Set.of()), counting).build();

    UserId alice =
        core.accounts().register(new RegisterUser("alice", "secret-1", Optional.empty())).id();
    RoomId room = core.rooms().createRoom(new CreateRoom(alice, "general", RoomKind.PUBLIC)).id();
    core.messages()
        .send(
            new SendMessage(
                alice, room, new ClientMessageId("a-1"), "hi", List.of(), Optional.empty()));

    assertThat(hashes).hasValue(1);
    assertThat(adapters.messages().bodyKeys()).containsExactly(TestOnlyCipher.fingerprint(7));
  }
}
