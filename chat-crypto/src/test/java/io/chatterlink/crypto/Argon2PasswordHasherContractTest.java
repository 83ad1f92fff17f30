package io.chatterlink.crypto;

import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.testkit.contract.PasswordHasherContract;
import org.junit.jupiter.api.Nested;

/** The Argon2id hasher follows the core's contract, with cheap and with production costs. */
class Argon2PasswordHasherContractTest {
  @Nested
  class WithTestOnlyCheapSettings extends PasswordHasherContract {
    @Override
    protected PasswordHasher newHasher() {
      return ChatCrypto.passwordHasher(Argon2Settings.testOnlyCheap());
    }
  }

  @Nested
  class WithRecommendedSettings extends PasswordHasherContract {
    @Override
    protected PasswordHasher newHasher() {
      return ChatCrypto.passwordHasher();
    }
  }
}
