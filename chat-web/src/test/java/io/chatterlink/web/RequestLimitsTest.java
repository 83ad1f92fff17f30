package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
  private final RequestLimits defaults = RequestLimits.defaults();

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(defaults.requestParseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.jsonBodyTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.uploadIdleTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(defaults.minUploadBytesPerSecond()).isEqualTo(8 * 1024);
    assertThat(defaults.maxRequestsPerAddress()).isEqualTo(32);
    assertThat(defaults.apiThreads()).isEqualTo(16);
    assertThat(defaults.uploadThreads()).isEqualTo(4);
    assertThat(defaults.queuedRequests()).isEqualTo(256);
  }

  @Test
  void eachWithChangesOnlyWhatItNames() {
    RequestLimits changed = defaults.withPools(2, 1, 8).withMaxRequestsPerAddress(3);

    assertThat(changed.apiThreads()).isEqualTo(2);
    assertThat(changed.uploadThreads()).isEqualTo(1);
    assertThat(changed.queuedRequests()).isEqualTo(8);
    assertThat(changed.maxRequestsPerAddress()).isEqualTo(3);
    assertThat(changed.jsonBodyTimeout()).isEqualTo(defaults.jsonBodyTimeout());
  }

  @Test
  void zeroOrNegativeValuesAreRefusedByName() {
    assertThatThrownBy(() -> defaults.withMaxRequestsPerAddress(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRequestsPerAddress");
    assertThatThrownBy(
            () ->
                defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("requestParseTimeout");
    assertThatThrownBy(
            () -> defaults.withUploadPace(Duration.ofSeconds(1), 0, Duration.ofSeconds(1)))
        .hasMessageContaining("minUploadBytesPerSecond");
    assertThatThrownBy(() -> defaults.withPools(1, 0, 1)).hasMessageContaining("uploadThreads");
  }
}
