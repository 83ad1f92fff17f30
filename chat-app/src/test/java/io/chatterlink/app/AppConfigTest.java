package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.app.AppConfig.Durability;
import io.chatterlink.app.AppConfig.Registration;
import io.chatterlink.core.model.UploadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {
  private static final String FERNET_KEY = io.chatterlink.crypto.ChatCrypto.generateKey();

  @TempDir Path workingDir;

  @Test
  void withoutAnySettingTheServerListensOnLoopbackPort8080WithSqliteUnderData() {
    AppConfig config = AppConfig.load(Map.of(), workingDir);

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(workingDir.resolve("data"));
    assertThat(config.databaseUrl())
        .isEqualTo("jdbc:sqlite:" + workingDir.resolve("data/chatterlink.db"));
    assertThat(config.durability()).isEqualTo(Durability.NORMAL);
    assertThat(config.fernetKeys()).isEmpty();
    assertThat(config.secretKey()).isEmpty();
    assertThat(config.maxUploadBytes()).isEqualTo(25L * 1024 * 1024);
    assertThat(config.uploadLimits())
        .isEqualTo(new UploadLimits(1L << 30, 20, Duration.ofHours(24), Duration.ofMinutes(60)));
    assertThat(config.allowedOrigins()).isEmpty();
    assertThat(config.registration()).isEqualTo(Registration.OPEN);
    assertThat(config.registrationsPerHour()).isEqualTo(10);
    assertThat(config.wsRequestsPerSecond()).isEqualTo(10);
    assertThat(config.wsRequestBurst()).isEqualTo(30);
    assertThat(config.wsMaxConnectionsPerUser()).isEqualTo(20);
    assertThat(config.wsMaxConnectionsPerAddress()).isEqualTo(100);
    assertThat(config.secureCookies()).isFalse();
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theEnvironmentWinsOverTheDotEnvFileWhichWinsOverDefaults() throws IOException {
    Files.writeString(workingDir.resolve(".env"), "PORT=9000\nHOST=0.0.0.0\nREGISTRATION=invite\n");

    AppConfig config = AppConfig.load(Map.of("PORT", "9100"), workingDir);

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.registration()).isEqualTo(Registration.INVITE);
  }

  @Test
  void everySettingIsRead() {
    AppConfig config =
        AppConfig.load(
            Map.ofEntries(
                Map.entry("DATA_DIR", "state"),
                Map.entry("DATABASE_URL", "postgresql://chat:pw@db.internal/chat"),
                Map.entry("DURABILITY", "FULL"),
                Map.entry("FERNET_KEY", "k1,k2"),
                Map.entry("SECRET_KEY", "s".repeat(32)),
                Map.entry("MAX_UPLOAD_BYTES", "1_000_000"),
                Map.entry("UPLOAD_QUOTA_BYTES", "5_000_000"),
                Map.entry("UPLOADS_PER_MINUTE", "7"),
                Map.entry("UNATTACHED_UPLOAD_HOURS", "2"),
                Map.entry("DELETED_UPLOAD_GRACE_MINUTES", "5"),
                Map.entry("ALLOWED_ORIGINS", "https://chat.example.org, http://localhost:3000"),
                Map.entry("REGISTRATION", "closed"),
                Map.entry("REGISTRATIONS_PER_HOUR", "250"),
                Map.entry("WS_REQUESTS_PER_SECOND", "100_000"),
                Map.entry("WS_REQUEST_BURST", "500"),
                Map.entry("WS_MAX_CONNECTIONS_PER_USER", "5"),
                Map.entry("WS_MAX_CONNECTIONS_PER_ADDRESS", "1_000"),
                Map.entry("SECURE_COOKIES", "yes"),
                Map.entry("TRUST_PROXY_HEADERS", "on"),
                Map.entry("SHUTDOWN_GRACE_SECONDS", "0")),
            workingDir);

    assertThat(config.dataDir()).isEqualTo(workingDir.resolve("state"));
    assertThat(config.databaseUrl()).isEqualTo("postgresql://chat:pw@db.internal/chat");
    assertThat(config.durability()).isEqualTo(Durability.FULL);
    assertThat(config.fernetKeys()).contains("k1,k2");
    assertThat(config.secretKey()).isPresent();
    assertThat(config.maxUploadBytes()).isEqualTo(1_000_000);
    assertThat(config.uploadLimits())
        .isEqualTo(new UploadLimits(5_000_000, 7, Duration.ofHours(2), Duration.ofMinutes(5)));
    assertThat(config.allowedOrigins())
        .containsExactly("https://chat.example.org", "http://localhost:3000");
    assertThat(config.registration()).isEqualTo(Registration.CLOSED);
    assertThat(config.registrationsPerHour()).isEqualTo(250);
    assertThat(config.wsRequestsPerSecond()).isEqualTo(100_000);
    assertThat(config.wsRequestBurst()).isEqualTo(500);
    assertThat(config.wsMaxConnectionsPerUser()).isEqualTo(5);
    assertThat(config.wsMaxConnectionsPerAddress()).isEqualTo(1_000);
    assertThat(config.secureCookies()).isTrue();
    assertThat(config.trustProxyHeaders()).isTrue();
    assertThat(config.shutdownGrace()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "PORT, eighty",
    "PORT, 65536",
    "PORT, -1",
    "MAX_UPLOAD_BYTES, 0",
    "MAX_UPLOAD_BYTES, 2147483649",
    "UPLOAD_QUOTA_BYTES, 0",
    "UPLOAD_QUOTA_BYTES, lots",
    "UPLOADS_PER_MINUTE, 0",
    "UPLOADS_PER_MINUTE, 10001",
    "UNATTACHED_UPLOAD_HOURS, 0",
    "UNATTACHED_UPLOAD_HOURS, 8785",
    "DELETED_UPLOAD_GRACE_MINUTES, 0",
    "REGISTRATION, sometimes",
    "DURABILITY, extreme",
    "REGISTRATIONS_PER_HOUR, 0",
    "REGISTRATIONS_PER_HOUR, 100001",
    "WS_REQUESTS_PER_SECOND, 0",
    "WS_REQUESTS_PER_SECOND, 100001",
    "WS_REQUESTS_PER_SECOND, fast",
    "WS_REQUEST_BURST, 0",
    "WS_REQUEST_BURST, 100001",
    "WS_MAX_CONNECTIONS_PER_USER, 0",
    "WS_MAX_CONNECTIONS_PER_USER, 10001",
    "WS_MAX_CONNECTIONS_PER_USER, many",
    "WS_MAX_CONNECTIONS_PER_ADDRESS, 0",
    "WS_MAX_CONNECTIONS_PER_ADDRESS, 1000001",
    "SECURE_COOKIES, perhaps",
    "TRUST_PROXY_HEADERS, 2",
    "ALLOWED_ORIGINS, ftp://files.example.org",
    "ALLOWED_ORIGINS, https://chat.example.org/path",
    "DATABASE_URL, mysql://db/chat",
    "SHUTDOWN_GRACE_SECONDS, 301",
  })
  void aMalformedOrOutOfRangeSettingIsRefusedByName(String setting, String value) {
    assertThatThrownBy(() -> AppConfig.load(Map.of(setting, value), workingDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(setting + ": ")
        .extracting(e -> ((ConfigException) e).setting())
        .isEqualTo(setting);
  }

  @Test
  void aSingleNodeIsTheDefaultAndAClusterNodeReadsItsBusNodeIdAndNatsUrl() {
    assertThat(AppConfig.load(Map.of(), workingDir).cluster().clustered()).isFalse();

    AppConfig node =
        AppConfig.load(
            Map.of(
                "DATABASE_URL", "postgresql://chat:pw@db.internal/chat",
                "CLUSTER_BUS", "nats",
                "NODE_ID", "n1",
                "NATS_URL", "nats://bus.internal:4222",
                "FERNET_KEY", FERNET_KEY,
                "SECRET_KEY", "s".repeat(32)),
            workingDir);

    assertThat(node.cluster())
        .isEqualTo(
            new ClusterConfig(
                ClusterConfig.Bus.NATS,
                new io.chatterlink.core.model.NodeId("n1"),
                "nats://bus.internal:4222"));
    assertThat(node.toString()).contains("CLUSTER_BUS=nats NODE_ID=n1");
  }

  @Test
  void aClusterNodeNeedsPostgresqlAndTheKeysFromTheEnvironmentSoThatNoNodeMakesItsOwnKey() {
    Map<String, String> cluster =
        Map.of(
            "DATABASE_URL",
            "postgresql://chat:pw@db.internal/chat",
            "CLUSTER_BUS",
            "postgres",
            "FERNET_KEY",
            FERNET_KEY,
            "SECRET_KEY",
            "s".repeat(32));
    assertThat(AppConfig.load(cluster, workingDir).cluster().clustered()).isTrue();

    Map<String, String> onSqlite = new java.util.HashMap<>(cluster);
    onSqlite.remove("DATABASE_URL");
    assertThatThrownBy(() -> AppConfig.load(onSqlite, workingDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CLUSTER_BUS: ")
        .hasMessageContaining("PostgreSQL");
    for (String key : List.of("FERNET_KEY", "SECRET_KEY")) {
      Map<String, String> withoutKey = new java.util.HashMap<>(cluster);
      withoutKey.remove(key);
      assertThatThrownBy(() -> AppConfig.load(withoutKey, workingDir))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("CLUSTER_BUS: ")
          .hasMessageContaining(key);
    }
    assertThatThrownBy(() -> AppConfig.load(Map.of("NODE_ID", "no spaces allowed"), workingDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("NODE_ID: ");
  }

  @Test
  void aShortSecretKeyIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> AppConfig.load(Map.of("SECRET_KEY", "hunter2"), workingDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("SECRET_KEY: ")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aDatabaseUrlWithAPasswordIsNotRepeatedInTheError() {
    assertThatThrownBy(
            () -> AppConfig.load(Map.of("DATABASE_URL", "mysql://u:topsecret@h/db"), workingDir))
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void theTextFormOfAConfigurationShowsNoSecret() {
    AppConfig config =
        AppConfig.load(
            Map.of(
                "FERNET_KEY", "fernet-value-xyz",
                "SECRET_KEY", "secret-value-".repeat(4),
                "DATABASE_URL", "jdbc:postgresql://db/chat?user=chat&password=dbpass"),
            workingDir);

    assertThat(config.toString())
        .doesNotContain("fernet-value-xyz")
        .doesNotContain("secret-value-")
        .doesNotContain("dbpass")
        .contains("FERNET_KEY=(set)");
  }

  @Test
  void theTextFormNamesTheDataFolderAndOnlyTheSettingsThatDifferFromTheDefaults() {
    AppConfig defaults = AppConfig.load(Map.of(), workingDir);
    AppConfig changed =
        AppConfig.load(Map.of("PORT", "9000", "REGISTRATION", "invite"), workingDir);

    assertThat(defaults.toString())
        .isEqualTo(
            "DATA_DIR=" + workingDir.resolve("data").toAbsolutePath() + " (all else default)");
    assertThat(changed.toString())
        .isEqualTo(
            "DATA_DIR="
                + workingDir.resolve("data").toAbsolutePath()
                + " PORT=9000 REGISTRATION=invite");
  }

  @Test
  void blankValuesCountAsUnset() {
    AppConfig config = AppConfig.load(Map.of("PORT", " ", "FERNET_KEY", ""), workingDir);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.fernetKeys()).isEqualTo(Optional.empty());
    assertThat(config.allowedOrigins()).isEqualTo(List.of());
  }
}
