package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.inmemory.InMemoryAdapters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatCoreBuilderTest {
  @Test
  void buildingWithoutAPortNamesTheMissingPort() {
    InMemoryAdapters adapters = InMemoryAdapters.create();

    assertThatThrownBy(() -> ChatCore.builder().users(adapters.users()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rooms(...)");
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
