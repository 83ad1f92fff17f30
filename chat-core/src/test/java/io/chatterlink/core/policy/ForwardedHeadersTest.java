package io.chatterlink.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {
  @Test
  void theLastEntryIsTheOneTheProxyAdded() {
    assertThat(ForwardedHeaders.clientAddress(Optional.of("6.6.6.6, 10.0.0.7")))
        .contains("10.0.0.7");
    assertThat(ForwardedHeaders.clientAddress(Optional.of(" [2001:DB8::1] ")))
        .contains("[2001:db8::1]");
  }

  @Test
  void anEntryThatIsNotAnAddressOrNoHeaderNamesNobody() {
    assertThat(ForwardedHeaders.clientAddress(Optional.of("10.0.0.7, unknown"))).isEmpty();
    assertThat(ForwardedHeaders.clientAddress(Optional.empty())).isEmpty();
    assertThat(ForwardedHeaders.lastEntry(Optional.of("http, HTTPS"))).isEqualTo("https");
  }
}
