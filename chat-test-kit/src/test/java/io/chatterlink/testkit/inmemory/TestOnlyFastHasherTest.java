package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.testkit.contract.PasswordHasherContract;
import org.junit.jupiter.api.Test;

class TestOnlyFastHasherTest extends PasswordHasherContract {
  @Override
  protected PasswordHasher newHasher() {
    return InMemoryAdapters.testOnlyFastHasher();
  }

  @Test
  void hashesSayTheyAreTestOnly() {
    assertThat(hasher.hash("password").encoded()).startsWith("test-only$");
  }
}
