package io.chatterlink.app;

import io.chatterlink.app.AppConfig.Durability;
import io.chatterlink.app.AppConfig.Registration;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.UploadLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings' names, defaults and limits, and their parsing. Names reuse the Python original's
 * where one existed ({@code SECRET_KEY}, {@code FERNET_KEY}, {@code DATABASE_URL}).
 */
final class Settings {
  static final String HOST = "HOST";
  static final String PORT = "PORT";
  static final String DATA_DIR = "DATA_DIR";
  static final String DATABASE_URL = "DATABASE_URL";
  static final String DURABILITY = "DURABILITY";
  static final String FERNET_KEY = "FERNET_KEY";
  static final String SECRET_KEY = "SECRET_KEY";
  static final String MAX_UPLOAD_BYTES = "MAX_UPLOAD_BYTES";
  static final String UPLOAD_QUOTA_BYTES = "UPLOAD_QUOTA_BYTES";
  static final String UPLOADS_PER_MINUTE = "UPLOADS_PER_MINUTE";
  static final String UNATTACHED_UPLOAD_HOURS = "UNATTACHED_UPLOAD_HOURS";
  static final String DELETED_UPLOAD_GRACE_MINUTES = "DELETED_UPLOAD_GRACE_MINUTES";
  static final String ALLOWED_ORIGINS = "ALLOWED_ORIGINS";
  static final String REGISTRATION = "REGISTRATION";
  static final String REGISTRATIONS_PER_HOUR = "REGISTRATIONS_PER_HOUR";
  static final String WS_REQUESTS_PER_SECOND = "WS_REQUESTS_PER_SECOND";
  static final String WS_REQUEST_BURST = "WS_REQUEST_BURST";
  static final String WS_MAX_CONNECTIONS_PER_USER = "WS_MAX_CONNECTIONS_PER_USER";
  static final String WS_MAX_CONNECTIONS_PER_ADDRESS = "WS_MAX_CONNECTIONS_PER_ADDRESS";
  static final String SECURE_COOKIES = "SECURE_COOKIES";
  static final String TRUST_PROXY_HEADERS = "TRUST_PROXY_HEADERS";
  static final String SHUTDOWN_GRACE_SECONDS = "SHUTDOWN_GRACE_SECONDS";
  static final String HTTP_REQUESTS_PER_ADDRESS = "HTTP_REQUESTS_PER_ADDRESS";
  static final String METRICS_TOKEN = "METRICS_TOKEN";
  static final String CLUSTER_BUS = "CLUSTER_BUS";
  static final String NODE_ID = "NODE_ID";
  static final String NATS_URL = "NATS_URL";
  static final String UPLOAD_DIR = "UPLOAD_DIR";
  static final String DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

  /** Loopback: a fresh install is reachable from this machine only until HOST says otherwise. */
  static final String DEFAULT_HOST = "127.0.0.1";

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_DATA_DIR = "data";
  static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

  /** Largest MAX_UPLOAD_BYTES accepted: 2 GiB, as browsers and our Range support handle it. */
  static final long MAX_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

  /** Most UPLOAD_QUOTA_BYTES accepted: 1 PiB, beyond any disk a chat server has. */
  static final long MAX_UPLOAD_QUOTA_BYTES = 1L << 50;

  /** Most UPLOADS_PER_MINUTE accepted. */
  static final int MAX_UPLOADS_PER_MINUTE = 10_000;

  /** Longest UNATTACHED_UPLOAD_HOURS and DELETED_UPLOAD_GRACE_MINUTES accepted: a year. */
  static final int MAX_UPLOAD_KEEP_HOURS = 24 * 366;

  /** Registrations per client address per hour: a household or office behind one address. */
  static final int DEFAULT_REGISTRATIONS_PER_HOUR = 10;

  /** Most REGISTRATIONS_PER_HOUR accepted; beyond it the throttle would not bound anything. */
  static final int MAX_REGISTRATIONS_PER_HOUR = 100_000;

  /**
   * WebSocket requests per second one user may keep up over all their sockets on a node: the
   * transport's abuse limit.
   */
  static final int DEFAULT_WS_REQUESTS_PER_SECOND = 10;

  /** WebSocket requests one user may send at once before the rate applies. */
  static final int DEFAULT_WS_REQUEST_BURST = 30;

  /** Most WS_REQUESTS_PER_SECOND and WS_REQUEST_BURST accepted: the transport's own ceiling. */
  static final int MAX_WS_REQUEST_RATE = 100_000;

  /** Sockets one user may have open on a node: tabs, browsers and devices, generously. */
  static final int DEFAULT_WS_MAX_CONNECTIONS_PER_USER = 20;

  /** Most WS_MAX_CONNECTIONS_PER_USER accepted: the transport's own ceiling. */
  static final int MAX_WS_MAX_CONNECTIONS_PER_USER = 10_000;

  /**
   * Sockets one client address may have open on a node: an office or campus behind one NAT address,
   * about twenty people with a few tabs each.
   */
  static final int DEFAULT_WS_MAX_CONNECTIONS_PER_ADDRESS = 100;

  /** Most WS_MAX_CONNECTIONS_PER_ADDRESS accepted: the transport's own ceiling. */
  static final int MAX_WS_MAX_CONNECTIONS_PER_ADDRESS = 1_000_000;

  static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
  static final int MAX_SHUTDOWN_GRACE_SECONDS = 300;

  /** Fewest characters in a SECRET_KEY: 32 characters carry at least 128 bits if random. */
  static final int MIN_SECRET_KEY_LENGTH = 32;

  /** Default HTTP API requests one client address may have in progress at once. */
  static final int DEFAULT_HTTP_REQUESTS_PER_ADDRESS = 32;

  static final int MAX_HTTP_REQUESTS_PER_ADDRESS = 100_000;

  /** Fewest characters in a METRICS_TOKEN, so that it cannot be guessed. */
  static final int MIN_METRICS_TOKEN_LENGTH = 16;

  private final Map<String, String> values;
  private final Path workingDir;

  private Settings(Map<String, String> values, Path workingDir) {
    this.values = values;
    this.workingDir = workingDir;
  }

  /** Environment variables win over the .env file; empty values count as unset. */
  static Settings from(
      Map<String, String> environment, Map<String, String> dotEnv, Path workingDir) {
    Map<String, String> merged = new HashMap<>(dotEnv);
    merged.putAll(environment);
    merged.values().removeIf(String::isBlank);
    return new Settings(merged, workingDir.toAbsolutePath());
  }

  AppConfig toConfig() {
    Path dataDir = path(DATA_DIR, DEFAULT_DATA_DIR);
    String databaseUrl =
        DatabaseUrls.requireSupported(
            text(DATABASE_URL).orElse("jdbc:sqlite:" + dataDir.resolve("chatterlink.db")));
    return new AppConfig(
        text(HOST).orElse(DEFAULT_HOST),
        (int) number(PORT, DEFAULT_PORT, 0, 65535),
        dataDir,
        databaseUrl,
        choice(DURABILITY, Durability.class, Durability.NORMAL),
        text(FERNET_KEY),
        secretKey(),
        number(MAX_UPLOAD_BYTES, DEFAULT_MAX_UPLOAD_BYTES, 1, MAX_MAX_UPLOAD_BYTES),
        uploadLimits(),
        origins(),
        choice(REGISTRATION, Registration.class, Registration.OPEN),
        (int)
            number(
                REGISTRATIONS_PER_HOUR,
                DEFAULT_REGISTRATIONS_PER_HOUR,
                1,
                MAX_REGISTRATIONS_PER_HOUR),
        (int)
            number(WS_REQUESTS_PER_SECOND, DEFAULT_WS_REQUESTS_PER_SECOND, 1, MAX_WS_REQUEST_RATE),
        (int) number(WS_REQUEST_BURST, DEFAULT_WS_REQUEST_BURST, 1, MAX_WS_REQUEST_RATE),
        (int)
            number(
                WS_MAX_CONNECTIONS_PER_USER,
                DEFAULT_WS_MAX_CONNECTIONS_PER_USER,
                1,
                MAX_WS_MAX_CONNECTIONS_PER_USER),
        (int)
            number(
                WS_MAX_CONNECTIONS_PER_ADDRESS,
                DEFAULT_WS_MAX_CONNECTIONS_PER_ADDRESS,
                1,
                MAX_WS_MAX_CONNECTIONS_PER_ADDRESS),
        flag(SECURE_COOKIES, false),
        flag(TRUST_PROXY_HEADERS, false),
        Duration.ofSeconds(
            number(
                SHUTDOWN_GRACE_SECONDS,
                DEFAULT_SHUTDOWN_GRACE_SECONDS,
                0,
                MAX_SHUTDOWN_GRACE_SECONDS)),
        (int)
            number(
                HTTP_REQUESTS_PER_ADDRESS,
                DEFAULT_HTTP_REQUESTS_PER_ADDRESS,
                1,
                MAX_HTTP_REQUESTS_PER_ADDRESS),
        metricsToken(),
        cluster(databaseUrl),
        path(UPLOAD_DIR, dataDir.resolve(ChatServer.UPLOADS_DIR).toString()));
  }

  /**
   * A cluster needs a database every node can reach (PostgreSQL), and keys that every node shares:
   * a node must never generate a key file of its own beside the others'.
   */
  private ClusterConfig cluster(String databaseUrl) {
    ClusterConfig.Bus bus = choice(CLUSTER_BUS, ClusterConfig.Bus.class, ClusterConfig.Bus.NONE);
    NodeId node = nodeId();
    ClusterConfig config = new ClusterConfig(bus, node, text(NATS_URL).orElse(DEFAULT_NATS_URL));
    if (!config.clustered()) {
      return config;
    }
    if (!DatabaseUrls.isPostgres(databaseUrl)) {
      throw new ConfigException(
          CLUSTER_BUS,
          "needs a PostgreSQL DATABASE_URL that every node shares (an SQLite file belongs to one"
              + " process)");
    }
    for (String key : List.of(FERNET_KEY, SECRET_KEY)) {
      if (text(key).isEmpty()) {
        throw new ConfigException(
            CLUSTER_BUS,
            "needs "
                + key
                + " set, the same on every node: a node must not generate a key of its own");
      }
    }
    return config;
  }

  /** NODE_ID, or this host's name and the process id: unique on a machine and across machines. */
  private NodeId nodeId() {
    String raw = text(NODE_ID).orElseGet(Settings::defaultNodeId);
    try {
      return new NodeId(raw);
    } catch (RuntimeException e) {
      throw new ConfigException(
          NODE_ID, "must be 1 to 64 letters, digits, '.', '_' or '-' (" + e.getMessage() + ")");
    }
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
    String pid = "-" + ProcessHandle.current().pid();
    return cleaned.substring(0, Math.min(cleaned.length(), 64 - pid.length())) + pid;
  }

  private Optional<String> metricsToken() {
    Optional<String> token = text(METRICS_TOKEN);
    if (token.isPresent() && token.get().length() < MIN_METRICS_TOKEN_LENGTH) {
      throw new ConfigException(
          METRICS_TOKEN, "must have at least " + MIN_METRICS_TOKEN_LENGTH + " characters");
    }
    return token;
  }

  private UploadLimits uploadLimits() {
    return new UploadLimits(
        number(UPLOAD_QUOTA_BYTES, UploadLimits.DEFAULT_QUOTA_BYTES, 1, MAX_UPLOAD_QUOTA_BYTES),
        (int)
            number(
                UPLOADS_PER_MINUTE,
                UploadLimits.DEFAULT_UPLOADS_PER_MINUTE,
                1,
                MAX_UPLOADS_PER_MINUTE),
        Duration.ofHours(
            number(
                UNATTACHED_UPLOAD_HOURS,
                UploadLimits.DEFAULT_UNATTACHED_LIFETIME.toHours(),
                1,
                MAX_UPLOAD_KEEP_HOURS)),
        Duration.ofMinutes(
            number(
                DELETED_UPLOAD_GRACE_MINUTES,
                UploadLimits.DEFAULT_RELEASED_GRACE.toMinutes(),
                1,
                MAX_UPLOAD_KEEP_HOURS * 60L)));
  }

  private Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name)).map(String::strip);
  }

  private long number(String name, long fallback, long min, long max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get().replace("_", ""));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new ConfigException(name, "must be a whole number from " + min + " to " + max);
  }

  private <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    for (E option : type.getEnumConstants()) {
      if (option.name().equalsIgnoreCase(raw.get())) {
        return option;
      }
    }
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    throw new ConfigException(name, "must be one of " + String.join(", ", names));
  }

  private boolean flag(String name, boolean fallback) {
    Optional<String> raw = text(name).map(s -> s.toLowerCase(Locale.ROOT));
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get()) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(name, "must be true or false");
    }
  }

  private Path path(String name, String fallback) {
    try {
      return workingDir.resolve(text(name).orElse(fallback)).normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException(name, "is not a valid path");
    }
  }

  private Optional<String> secretKey() {
    Optional<String> key = text(SECRET_KEY);
    if (key.isPresent() && key.get().length() < MIN_SECRET_KEY_LENGTH) {
      throw new ConfigException(
          SECRET_KEY, "must have at least " + MIN_SECRET_KEY_LENGTH + " characters");
    }
    return key;
  }

  private List<String> origins() {
    return text(ALLOWED_ORIGINS).stream()
        .flatMap(s -> Arrays.stream(s.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Settings::requireOrigin)
        .toList();
  }

  private static String requireOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      boolean plain =
          ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              && uri.getHost() != null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (plain) {
        return origin;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        ALLOWED_ORIGINS,
        "must be a comma-separated list of origins like https://chat.example.org (scheme, host,"
            + " optional port; no path)");
  }
}
