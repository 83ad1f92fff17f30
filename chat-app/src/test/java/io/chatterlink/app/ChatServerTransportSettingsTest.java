package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.transport.websocket.TransportSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatServerTransportSettingsTest {
  @TempDir Path workingDir;

  @Test
  void withoutTheRateSettingsTheTransportKeepsItsOwnDefaults() {
    TransportSettings defaults = TransportSettings.defaults();

    TransportSettings settings = ChatServer.transportSettings(AppConfig.load(Map.of(), workingDir));

    assertThat(settings.requestsPerSecond()).isEqualTo(defaults.requestsPerSecond()).isEqualTo(10);
    assertThat(settings.requestBurst()).isEqualTo(defaults.requestBurst()).isEqualTo(30);
    assertThat(settings.maxRateViolations()).isEqualTo(defaults.maxRateViolations());
    assertThat(settings.maxConnectionsPerUser())
        .isEqualTo(defaults.maxConnectionsPerUser())
        .isEqualTo(20);
    assertThat(settings.maxConnectionsPerAddress())
        .isEqualTo(defaults.maxConnectionsPerAddress())
        .isEqualTo(100);
    assertThat(settings.trustProxyHeaders()).isFalse();
  }

  @Test
  void theConnectionCapsAndTheProxySettingReachTheTransport() {
    AppConfig config =
        AppConfig.load(
            Map.of(
                "WS_MAX_CONNECTIONS_PER_USER", "3",
                "WS_MAX_CONNECTIONS_PER_ADDRESS", "7",
                "TRUST_PROXY_HEADERS", "true"),
            workingDir);

    TransportSettings settings = ChatServer.transportSettings(config);

    assertThat(settings.maxConnectionsPerUser()).isEqualTo(3);
    assertThat(settings.maxConnectionsPerAddress()).isEqualTo(7);
    assertThat(settings.trustProxyHeaders()).isTrue();
  }

  @Test
  void theRateSettingsReachTheTransportAndLeaveTheViolationCountAlone() {
    AppConfig config =
        AppConfig.load(
            Map.of(
                "WS_REQUESTS_PER_SECOND", "250",
                "WS_REQUEST_BURST", "700",
                "ALLOWED_ORIGINS", "https://chat.example.org"),
            workingDir);

    TransportSettings settings = ChatServer.transportSettings(config);

    assertThat(settings.requestsPerSecond()).isEqualTo(250);
    assertThat(settings.requestBurst()).isEqualTo(700);
    assertThat(settings.maxRateViolations())
        .isEqualTo(TransportSettings.defaults().maxRateViolations());
    assertThat(settings.allowedOrigins()).containsExactly("https://chat.example.org");
  }
}
