package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRehashTest {
  /** A "stronger" hasher: its hashes carry a version prefix; others need a rehash. */
  private static final class VersionedHasher implements PasswordHasher {
    private final PasswordHasher inner = InMemoryAdapters.testOnlyFastHasher();

    @Override
    public PasswordHash hash(String password) {
      return new PasswordHash("v2:" + inner.hash(password).encoded());
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
      String encoded = hash.encoded();
      String plain = encoded.startsWith("v2:") ? encoded.substring(3) : encoded;
      return inner.verify(password, new PasswordHash(plain));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
      return !hash.encoded().startsWith("v2:");
    }
  }

  @Test
  void aLoginWithAnOutdatedHashStoresAFreshOneAndTheNextLoginStillWorks() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    ChatCore before = adapters.coreBuilderWithTestOnlyCrypto().build();
    before.accounts().register(new RegisterUser("alice", "correct horse", Optional.empty()));
    ChatCore after =
        adapters.coreBuilderWithTestOnlyCrypto().passwordHasher(new VersionedHasher()).build();

    after.accounts().logIn(new LogIn("alice", "correct horse"));

    PasswordHash stored =
        adapters.users().findByUsername(Username.of("alice")).orElseThrow().passwordHash();
    assertThat(stored.encoded()).startsWith("v2:");
    assertThat(after.accounts().logIn(new LogIn("alice", "correct horse")).user().username())
        .isEqualTo("alice");
  }

  @Test
  void aCurrentHashIsLeftAlone() {
    InMemoryAdapters adapters = InMemoryAdapters.create();
    ChatCore core =
        adapters.coreBuilderWithTestOnlyCrypto().passwordHasher(new VersionedHasher()).build();
    core.accounts().register(new RegisterUser("bob", "correct horse", Optional.empty()));
    PasswordHash first =
        adapters.users().findByUsername(Username.of("bob")).orElseThrow().passwordHash();

    core.accounts().logIn(new LogIn("bob", "correct horse"));

    assertThat(adapters.users().findByUsername(Username.of("bob")).orElseThrow().passwordHash())
        .isEqualTo(first);
  }
}
