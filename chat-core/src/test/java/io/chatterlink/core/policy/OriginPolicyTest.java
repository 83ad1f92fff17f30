package io.chatterlink.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPolicyTest {
  private static final OriginPolicy NO_EXTRAS = new OriginPolicy(Set.of());
  private static final OriginPolicy WITH_EXTRA =
      new OriginPolicy(Set.of("https://Chat.Example.org/"));

  @ParameterizedTest(name = "{0} for Host {1}: {2} without extras, {3} with one")
  @CsvSource({
    "http://localhost:8080,    localhost:8080,   true,  true",
    "https://localhost:8080,   localhost:8080,   true,  true",
    "HTTP://LOCALHOST:8080,    localhost:8080,   true,  true",
    "https://chat.local,       chat.local:443,   true,  true",
    "https://chat.local:443,   chat.local,       true,  true",
    "http://[::1]:8080,        [::1]:8080,       true,  true",
    "http://localhost:8081,    localhost:8080,   false, false",
    "http://evil.example,      localhost:8080,   false, false",
    "https://chat.example.org, localhost:8080,   false, true",
    "https://chat.example.org:443, localhost:8080, false, true",
    "http://chat.example.org,  localhost:8080,   false, false",
    "null,                     localhost:8080,   false, false",
    "http://localhost:8080/x,  localhost:8080,   false, false",
  })
  void theServersOwnOriginIsAlwaysAllowedAndExtrasOnlyAddToIt(
      String origin, String host, boolean withoutExtras, boolean withExtra) {
    assertThat(NO_EXTRAS.allows(origin, Optional.of(host))).isEqualTo(withoutExtras);
    assertThat(WITH_EXTRA.allows(origin, Optional.of(host))).isEqualTo(withExtra);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "https://chat.example.org"})
  void withoutAHostHeaderOnlyExtrasAreAllowed(String origin) {
    assertThat(WITH_EXTRA.allows(origin, Optional.empty()))
        .isEqualTo(origin.equals("https://chat.example.org"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"chat.example.org", "ftp://chat.example.org", "https://a/b", "*"})
  void anExtraOriginThatIsNotSchemeHostPortIsRefused(String origin) {
    assertThatThrownBy(() -> new OriginPolicy(Set.of(origin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(origin);
  }
}
