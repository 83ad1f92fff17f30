package io.chatterlink.transport.websocket.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {
  @ParameterizedTest(name = "trust={0}, peer={1}, forwarded={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "false | 127.0.0.1 | 10.0.0.1            | 127.0.0.1",
        "true  | 127.0.0.1 | 10.0.0.1            | 10.0.0.1",
        "true  | 127.0.0.1 | 6.6.6.6, 10.0.0.1   | 10.0.0.1",
        "true  | 127.0.0.1 | 2001:DB8::1         | 2001:db8::1",
        "true  | 127.0.0.1 | not-an-address      | 127.0.0.1",
        "true  | 127.0.0.1 | -                   | 127.0.0.1",
        "true  | -         | -                   | -",
        "false | -         | 10.0.0.1            | -",
      })
  void theAddressIsTheProxysLastEntryOnlyWhenTrustedAndWellFormed(
      boolean trust, String peer, String forwarded, String expected) {
    List<String> headers = forwarded == null ? List.of() : List.of(forwarded);

    assertThat(ClientAddress.of(Optional.ofNullable(peer), headers, trust))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @org.junit.jupiter.api.Test
  void theLastOfSeveralForwardedHeadersCounts() {
    assertThat(ClientAddress.of(Optional.of("127.0.0.1"), List.of("10.0.0.1", "10.0.0.2"), true))
        .contains("10.0.0.2");
  }
}
