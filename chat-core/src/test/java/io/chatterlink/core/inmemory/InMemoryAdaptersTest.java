package io.chatterlink.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.ChatCore;
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
    ChatCore core = InMemoryAdapters.create().coreBuilder().build();

    assertThat(core.accounts()).isNotNull();
    assertThat(core.messages()).isNotNull();
  }
}
