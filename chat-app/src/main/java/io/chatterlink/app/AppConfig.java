package io.chatterlink.app;

import io.chatterlink.core.model.UploadLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server is configured with, validated. Build it with {@link #load(Map, Path)} from
 * the environment and an optional {@code .env} file; every setting and its default is in the
 * README's configuration table and in {@link Settings}.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dataDir where the SQLite database, uploads and generated keys live
 * @param databaseUrl a JDBC (or {@code sqlite:///}, {@code postgresql://}) URL
 * @param durability how hard the database syncs each commit
 * @param fernetKeys the {@code FERNET_KEY} setting (one key, or several comma-separated with the
 *     primary first); empty means "use or generate {@code DATA_DIR/fernet.key}"
 * @param secretKey the {@code SECRET_KEY} setting; empty means "use or generate {@code
 *     DATA_DIR/secret.key}"
 * @param maxUploadBytes the largest upload accepted, in bytes
 * @param uploadLimits each user's upload quota and rate, and how long unattached and deleted
 *     uploads are kept
 * @param allowedOrigins origins other than the server's own allowed to make state-changing requests
 *     and open WebSockets; empty means same-origin only
 * @param registration who may create an account
 * @param registrationsPerHour registration attempts accepted from one client address per hour (each
 *     costs a password hash, so this bounds the work one address can ask for)
 * @param wsRequestsPerSecond WebSocket requests per second one user may keep up over all their
 *     sockets on a node (beyond it requests are refused with {@code 429}); an abuse limit, raised
 *     for a benchmark server
 * @param wsRequestBurst WebSocket requests one user may send at once before the rate applies
 * @param wsMaxConnectionsPerUser WebSocket connections one user may have open on a node; one more
 *     handshake is refused with {@code 429}
 * @param wsMaxConnectionsPerAddress WebSocket connections one client address may have open on a
 *     node; one more handshake is refused with {@code 429}
 * @param secureCookies whether cookies carry {@code Secure} (set it behind a TLS proxy)
 * @param trustProxyHeaders whether the client address and scheme come from {@code X-Forwarded-For}
 *     and {@code X-Forwarded-Proto}; only behind a proxy that sets them
 * @param shutdownGrace how long a graceful shutdown waits for in-flight sends before closing
 *     sockets
 * @param httpRequestsPerAddress HTTP API requests one client address may have in progress at once
 *     (beyond it {@code 429})
 * @param metricsToken the bearer token {@code /metrics} requires; empty: {@code /metrics} is off
 * @param cluster whether this server is one node of a cluster, and its bus
 * @param uploadDir where uploaded files are kept ({@code UPLOAD_DIR}; the nodes of a cluster share
 *     one)
 */
public record AppConfig(
    String host,
    int port,
    Path dataDir,
    String databaseUrl,
    Durability durability,
    Optional<String> fernetKeys,
    Optional<String> secretKey,
    long maxUploadBytes,
    UploadLimits uploadLimits,
    List<String> allowedOrigins,
    Registration registration,
    int registrationsPerHour,
    int wsRequestsPerSecond,
    int wsRequestBurst,
    int wsMaxConnectionsPerUser,
    int wsMaxConnectionsPerAddress,
    boolean secureCookies,
    boolean trustProxyHeaders,
    Duration shutdownGrace,
    int httpRequestsPerAddress,
    Optional<String> metricsToken,
    ClusterConfig cluster,
    Path uploadDir) {

  /** Who may create an account ({@code REGISTRATION}). */
  public enum Registration {
    /** Anyone who reaches the server. */
    OPEN,
    /** Only people holding an invite code. */
    INVITE,
    /** Nobody through the web; operators use {@code create-user}. */
    CLOSED
  }

  /** How hard the database syncs each commit ({@code DURABILITY}). */
  public enum Durability {
    /**
     * Survives a process crash; a power cut may lose the last commits (SQLite synchronous=NORMAL).
     */
    NORMAL,
    /** Survives a power cut too, at a cost in write throughput (SQLite synchronous=FULL). */
    FULL
  }

  /** Validates the record; {@link Settings} gives the friendlier, per-setting messages. */
  public AppConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new ConfigException(Settings.PORT, "must be 0 to 65535");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(fernetKeys, "fernetKeys");
    Objects.requireNonNull(secretKey, "secretKey");
    if (maxUploadBytes < 1) {
      throw new ConfigException(Settings.MAX_UPLOAD_BYTES, "must be positive");
    }
    Objects.requireNonNull(uploadLimits, "uploadLimits");
    allowedOrigins = List.copyOf(allowedOrigins);
    Objects.requireNonNull(registration, "registration");
    if (registrationsPerHour < 1) {
      throw new ConfigException(Settings.REGISTRATIONS_PER_HOUR, "must be positive");
    }
    if (wsRequestsPerSecond < 1 || wsRequestsPerSecond > Settings.MAX_WS_REQUEST_RATE) {
      throw new ConfigException(
          Settings.WS_REQUESTS_PER_SECOND, "must be 1 to " + Settings.MAX_WS_REQUEST_RATE);
    }
    if (wsRequestBurst < 1 || wsRequestBurst > Settings.MAX_WS_REQUEST_RATE) {
      throw new ConfigException(
          Settings.WS_REQUEST_BURST, "must be 1 to " + Settings.MAX_WS_REQUEST_RATE);
    }
    if (wsMaxConnectionsPerUser < 1
        || wsMaxConnectionsPerUser > Settings.MAX_WS_MAX_CONNECTIONS_PER_USER) {
      throw new ConfigException(
          Settings.WS_MAX_CONNECTIONS_PER_USER,
          "must be 1 to " + Settings.MAX_WS_MAX_CONNECTIONS_PER_USER);
    }
    if (wsMaxConnectionsPerAddress < 1
        || wsMaxConnectionsPerAddress > Settings.MAX_WS_MAX_CONNECTIONS_PER_ADDRESS) {
      throw new ConfigException(
          Settings.WS_MAX_CONNECTIONS_PER_ADDRESS,
          "must be 1 to " + Settings.MAX_WS_MAX_CONNECTIONS_PER_ADDRESS);
    }
    if (shutdownGrace.isNegative()) {
      throw new ConfigException(Settings.SHUTDOWN_GRACE_SECONDS, "must not be negative");
    }
    if (httpRequestsPerAddress < 1) {
      throw new ConfigException(Settings.HTTP_REQUESTS_PER_ADDRESS, "must be positive");
    }
    Objects.requireNonNull(metricsToken, "metricsToken");
    Objects.requireNonNull(cluster, "cluster");
    uploadDir = uploadDir.toAbsolutePath().normalize();
  }

  /**
   * Reads the configuration: environment variables win over {@code workingDir/.env}, which wins
   * over the defaults.
   *
   * @param environment usually {@code System.getenv()}
   * @param workingDir where {@code .env} is looked for and relative paths start
   * @throws ConfigException naming the first setting that is malformed or out of range
   */
  public static AppConfig load(Map<String, String> environment, Path workingDir) {
    return Settings.from(environment, DotEnvFile.read(workingDir.resolve(".env")), workingDir)
        .toConfig();
  }

  /** This configuration listening on {@code newPort} (0: a free one); for tests and embedding. */
  public AppConfig withPort(int newPort) {
    return new AppConfig(
        host,
        newPort,
        dataDir,
        databaseUrl,
        durability,
        fernetKeys,
        secretKey,
        maxUploadBytes,
        uploadLimits,
        allowedOrigins,
        registration,
        registrationsPerHour,
        wsRequestsPerSecond,
        wsRequestBurst,
        wsMaxConnectionsPerUser,
        wsMaxConnectionsPerAddress,
        secureCookies,
        trustProxyHeaders,
        shutdownGrace,
        httpRequestsPerAddress,
        metricsToken,
        cluster,
        uploadDir);
  }

  /**
   * One short line for the start-up log: {@code DATA_DIR}, then only the settings that differ from
   * their defaults (e.g. {@code DATA_DIR=/srv/chat PORT=9000 REGISTRATION=invite}). Keys and tokens
   * show as {@code (set)}, a database URL without its password: the line leaks nothing.
   */
  @Override
  public String toString() {
    return ConfigSummary.of(this);
  }
}
