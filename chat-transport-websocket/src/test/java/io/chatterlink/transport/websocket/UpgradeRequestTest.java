package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an authenticator reads from the upgrade request, and the limits of what it answers. */
class UpgradeRequestTest {

  @Test
  void headersAreFoundWhateverTheirCaseAndCookiesByTheirExactName() {
    UpgradeRequest request =
        new UpgradeRequest(
            URI.create("/ws?x=1"),
            Map.of(
                "cookie",
                List.of("theme=dark; app=\"quoted\"", "APP=upper; app=second"),
                "X-Token",
                List.of("t1")),
            Optional.empty(),
            Optional.of("10.0.0.1"));

    assertThat(request.header("x-token")).contains("t1");
    assertThat(request.headers("COOKIE")).hasSize(2);
    assertThat(request.cookie("app")).contains("quoted");
    assertThat(request.cookie("APP")).contains("upper");
    assertThat(request.cookie("missing")).isEmpty();
    assertThat(request.header("absent")).isEmpty();
  }

  @Test
  void theHeadersCannotBeChangedByTheAuthenticator() {
    UpgradeRequest request =
        new UpgradeRequest(
            URI.create("/ws"), Map.of("A", List.of("1")), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> request.headers().put("B", List.of("2")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aGrantIdIsOneTo256CharactersAndNotBlank() {
    assertThat(new Revocation.Grant("g".repeat(256), Optional.empty()).id()).hasSize(256);
    assertThatThrownBy(() -> new Revocation.Grant("g".repeat(257), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Revocation.Grant(" ", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
