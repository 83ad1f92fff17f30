package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
  final WebSettings defaults = WebSettings.defaults(Path.of("target/uploads"));

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(defaults.maxUploadBytes()).isEqualTo(25L * 1024 * 1024);
    assertThat(defaults.registration()).isEqualTo(RegistrationMode.OPEN);
    assertThat(defaults.allowedOrigins()).isEmpty();
    assertThat(defaults.secureCookies()).isFalse();
    assertThat(defaults.trustProxyHeaders()).isFalse();
    assertThat(defaults.maxLoginFailuresPerAccount()).isEqualTo(5);
    assertThat(defaults.maxLoginFailuresPerAddress()).isEqualTo(20);
    assertThat(defaults.loginThrottleWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.maxRegistrationsPerAddress()).isEqualTo(10);
    assertThat(defaults.registrationWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.sessionCookieMaxAge()).isEqualTo(Duration.ofDays(30));
    assertThat(defaults.inviteSecret()).isEmpty();
    assertThat(defaults.inviteLifetime()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.maxJsonBodyBytes()).isEqualTo(64 * 1024);
  }

  @Test
  void valuesOutOfRangeAreRefusedWithTheirName() {
    assertThatThrownBy(() -> defaults.withMaxUploadBytes(0)).hasMessageContaining("maxUploadBytes");
    assertThatThrownBy(() -> defaults.withAllowedOrigins(Set.of("chat.example.com")))
        .hasMessageContaining("origin");
    assertThatThrownBy(() -> defaults.withLoginThrottle(0, 5, Duration.ofMinutes(1)))
        .hasMessageContaining("login");
    assertThatThrownBy(() -> defaults.withLoginThrottle(5, 5, Duration.ZERO))
        .hasMessageContaining("loginThrottleWindow");
    assertThatThrownBy(() -> defaults.withRegistrationThrottle(0, Duration.ofHours(1)))
        .hasMessageContaining("maxRegistrationsPerAddress");
    assertThatThrownBy(() -> defaults.withMaxJsonBodyBytes(100))
        .hasMessageContaining("maxJsonBodyBytes");
    assertThatThrownBy(() -> defaults.withInvites("short", Duration.ofDays(1)))
        .hasMessageContaining("inviteSecret");
    assertThatThrownBy(() -> defaults.withSessionCookieMaxAge(Duration.ofSeconds(-1)))
        .hasMessageContaining("sessionCookieMaxAge");
  }

  @Test
  void withersChangeOnlyTheirValue() {
    WebSettings changed =
        defaults.withRegistration(RegistrationMode.CLOSED).withSecureCookies(true);
    assertThat(changed.registration()).isEqualTo(RegistrationMode.CLOSED);
    assertThat(changed.secureCookies()).isTrue();
    assertThat(changed.maxUploadBytes()).isEqualTo(defaults.maxUploadBytes());
    assertThat(changed.withTrustProxyHeaders(true).trustProxyHeaders()).isTrue();
    assertThat(changed.withMaxJsonBodyBytes(2048).maxJsonBodyBytes()).isEqualTo(2048);
    assertThat(changed.withRegistrationThrottle(3, Duration.ofMinutes(5)).registrationWindow())
        .isEqualTo(Duration.ofMinutes(5));
  }
}
