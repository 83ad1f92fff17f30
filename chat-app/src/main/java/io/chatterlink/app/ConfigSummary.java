package io.chatterlink.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one-line text form of a configuration for the start-up log: {@code DATA_DIR} (where
 * everything lives) and then only the settings that differ from their defaults, by their
 * environment names. Keys and tokens show as {@code (set)} only, and a database URL without its
 * password, so the line leaks nothing.
 */
final class ConfigSummary {
  private ConfigSummary() {}

  static String of(AppConfig config) {
    AppConfig defaults =
        Settings.from(
                Map.of(Settings.DATA_DIR, config.dataDir().toString()), Map.of(), config.dataDir())
            .toConfig();
    Map<String, String> defaultValues = shown(defaults);
    StringJoiner changed = new StringJoiner(" ");
    shown(config)
        .forEach(
            (name, value) -> {
              if (!value.equals(defaultValues.get(name))) {
                changed.add(name + "=" + value);
              }
            });
    return Settings.DATA_DIR
        + "="
        + config.dataDir()
        + (changed.length() == 0 ? " (all else default)" : " " + changed);
  }

  private static Map<String, String> shown(AppConfig c) {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(Settings.HOST, c.host());
    shown.put(Settings.PORT, Integer.toString(c.port()));
    shown.put(Settings.DATABASE_URL, DatabaseUrls.withoutPassword(c.databaseUrl()));
    shown.put(Settings.DURABILITY, lower(c.durability()));
    shown.put(Settings.FERNET_KEY, c.fernetKeys().isPresent() ? "(set)" : "(file)");
    shown.put(Settings.SECRET_KEY, c.secretKey().isPresent() ? "(set)" : "(file)");
    shown.put(Settings.MAX_UPLOAD_BYTES, Long.toString(c.maxUploadBytes()));
    shown.put(Settings.UPLOAD_QUOTA_BYTES, Long.toString(c.uploadLimits().quotaBytes()));
    shown.put(Settings.UPLOADS_PER_MINUTE, Integer.toString(c.uploadLimits().uploadsPerMinute()));
    shown.put(
        Settings.UNATTACHED_UPLOAD_HOURS,
        Long.toString(c.uploadLimits().unattachedLifetime().toHours()));
    shown.put(
        Settings.DELETED_UPLOAD_GRACE_MINUTES,
        Long.toString(c.uploadLimits().releasedGrace().toMinutes()));
    shown.put(Settings.ALLOWED_ORIGINS, String.join(",", c.allowedOrigins()));
    shown.put(Settings.REGISTRATION, lower(c.registration()));
    shown.put(Settings.REGISTRATIONS_PER_HOUR, Integer.toString(c.registrationsPerHour()));
    shown.put(Settings.WS_REQUESTS_PER_SECOND, Integer.toString(c.wsRequestsPerSecond()));
    shown.put(Settings.WS_REQUEST_BURST, Integer.toString(c.wsRequestBurst()));
    shown.put(Settings.WS_MAX_CONNECTIONS_PER_USER, Integer.toString(c.wsMaxConnectionsPerUser()));
    shown.put(
        Settings.WS_MAX_CONNECTIONS_PER_ADDRESS, Integer.toString(c.wsMaxConnectionsPerAddress()));
    shown.put(Settings.SECURE_COOKIES, Boolean.toString(c.secureCookies()));
    shown.put(Settings.TRUST_PROXY_HEADERS, Boolean.toString(c.trustProxyHeaders()));
    shown.put(Settings.SHUTDOWN_GRACE_SECONDS, Long.toString(c.shutdownGrace().toSeconds()));
    shown.put(Settings.HTTP_REQUESTS_PER_ADDRESS, Integer.toString(c.httpRequestsPerAddress()));
    shown.put(Settings.METRICS_TOKEN, c.metricsToken().isPresent() ? "(set)" : "off");
    shown.put(Settings.UPLOAD_DIR, c.uploadDir().toString());
    shown.put(Settings.CLUSTER_BUS, lower(c.cluster().bus()));
    if (c.cluster().clustered()) {
      shown.put(Settings.NODE_ID, c.cluster().node().value());
    }
    if (c.cluster().bus() == ClusterConfig.Bus.NATS) {
      shown.put(Settings.NATS_URL, c.cluster().natsUrl());
    }
    return shown;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
