package io.chatterlink.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.contract.PasswordHasherContract;
import io.chatterlink.core.port.out.PasswordHasher;
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
