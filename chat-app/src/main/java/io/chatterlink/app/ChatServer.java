package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.ClusterStatus;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.WebSocketTransport;
import io.chatterlink.web.ChatWeb;
import io.chatterlink.web.RegistrationMode;
import io.chatterlink.web.WebSettings;
import io.chatterlink.web.WebStores;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ChatterLink server, wired by hand: storage, cryptography, the core, the WebSocket
 * transport and the web adapter behind ONE Undertow listener, so pages, {@code /api/}, {@code /ws},
 * {@code /healthz} and {@code /metrics} share a port. Start it with {@link #start(AppConfig)}; stop
 * it with {@link #close()}.
 */
public final class ChatServer implements AutoCloseable {
  /**
   * Uploaded files live in this folder of DATA_DIR unless UPLOAD_DIR says otherwise; it is never
   * served as static files.
   */
  static final String UPLOADS_DIR = "uploads";

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

  private final AppConfig config;
  private final Backend backend;
  private final ChatCore core;
  private final Optional<ClusterBus> bus;
  private final ServerMetrics metrics;
  private final WebSocketTransport transport;
  private final ChatWeb web;
  private final ExecutorService operationsPool;
  private final Undertow undertow;
  private final ConnectionGauge connections;
  private final int port;
  private final Optional<String> firstStartHint;
  private final AtomicBoolean closed;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ChatServer(
      AppConfig config,
      Backend backend,
      ChatCore core,
      Optional<ClusterBus> bus,
      ServerMetrics metrics,
      WebSocketTransport transport,
      ChatWeb web,
      ExecutorService operationsPool,
      Undertow undertow,
      ConnectionGauge connections,
      AtomicBoolean closed) {
    this.config = config;
    this.backend = backend;
    this.core = core;
    this.bus = bus;
    this.metrics = metrics;
    this.transport = transport;
    this.web = web;
    this.operationsPool = operationsPool;
    this.undertow = undertow;
    this.connections = connections;
    this.closed = closed;
    this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    // Any user at all: the empty prefix matches every canonical username.
    boolean anyAccount = !backend.storage().users().searchByPrefix("", 1).isEmpty();
    this.firstStartHint = FirstStartHint.of(uri(), config.registration(), anyAccount);
  }

  /**
   * Opens the database, checks the keys, and starts listening on {@code config.host():port}.
   *
   * @throws ConfigException if a setting is unusable or the database holds messages under a key the
   *     server does not have; nothing is left running
   */
  public static ChatServer start(AppConfig config) {
    long startedAt = System.nanoTime();
    Backend backend = Backend.open(config);
    // Set first thing in close(), so that /healthz answers 503 as soon as a shutdown starts.
    AtomicBoolean stopping = new AtomicBoolean();
    ServerMetrics metrics = new ServerMetrics();
    WebSocketTransport transport = null;
    ChatWeb web = null;
    Optional<ClusterBus> bus = Optional.empty();
    ChatCore core = null;
    // /healthz and /metrics get threads of their own: they must answer while others are busy.
    ExecutorService operationsPool = Executors.newFixedThreadPool(2, daemonThreads("chat-ops-"));
    try {
      transport = WebSocketTransport.create(transportSettings(config), metrics.transport());
      bus = ClusterBuses.open(config.cluster(), backend.storage());
      core =
          backend.core(
              metrics.meter(transport.delivery()),
              metrics.meter(backend.storage().messages()),
              bus);
      ChatCore node = core;
      bus.ifPresent(b -> metrics.bindCluster(node::clusterStatus, b.node()));
      transport.attach(core);
      // Throttles and spent invite codes live in the database and uploads in the upload directory
      // (shared by the nodes when there are several), so every server process agrees.
      WebSettings webSettings = webSettings(config, backend.secretKey());
      web =
          ChatWeb.create(
              core,
              webSettings,
              new WebStores(
                  backend.storage().loginAttempts(),
                  backend.storage().rateWindows(),
                  backend.storage().singleUseTokens(),
                  WebStores.filesIn(webSettings.uploadDir())));
      HttpHandler operations =
          new OperationsHandler(
              web.handler(),
              new HealthChecks(
                  stopping::get,
                  backend::databaseAnswers,
                  backend.storage()::commitsFailing,
                  () -> node.clusterStatus().map(ClusterStatus::busConnected)),
              metrics::scrape,
              config.metricsToken(),
              operationsPool);
      // The transport's handler goes first: Tyrus matches the full request URI.
      ConnectionGauge connections = metrics.countConnections(transport.undertowHandler(operations));
      // chat-web sets the entity size its uploads need and the timeouts that close connections
      // whose headers crawl in or that sit idle.
      Undertow undertow =
          web.configure(Undertow.builder())
              .addHttpListener(config.port(), config.host())
              .setHandler(ChatWeb.secured(connections))
              .build();
      listen(undertow, config);
      metrics.bindJvmMetricsInBackground();
      ChatServer server =
          new ChatServer(
              config,
              backend,
              core,
              bus,
              metrics,
              transport,
              web,
              operationsPool,
              undertow,
              connections,
              stopping);
      LOG.info(
          "event=server_started url={} startup_ms={} config=\"{}\"",
          server.uri(),
          (System.nanoTime() - startedAt) / 1_000_000,
          config);
      server.firstStartHint().ifPresent(hint -> LOG.info("event=first_start hint=\"{}\"", hint));
      return server;
    } catch (RuntimeException e) {
      if (transport != null) {
        transport.shutdown(Duration.ZERO);
      }
      if (web != null) {
        web.close();
      }
      if (core != null) {
        core.close();
      }
      bus.ifPresent(ClusterBus::close);
      operationsPool.shutdownNow();
      metrics.close();
      backend.close();
      throw e;
    }
  }

  private static void listen(Undertow undertow, AppConfig config) {
    try {
      undertow.start();
    } catch (RuntimeException e) {
      undertow.stop();
      if (e.getCause() instanceof BindException) {
        throw new ConfigException(
            Settings.PORT,
            config.host()
                + ":"
                + config.port()
                + " cannot be bound (in use, or HOST is not an"
                + " address of this machine)");
      }
      throw e;
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static TransportSettings transportSettings(AppConfig config) {
    TransportSettings defaults = TransportSettings.defaults();
    return defaults
        .withAllowedOrigins(Set.copyOf(config.allowedOrigins()))
        .withRequestRate(
            config.wsRequestsPerSecond(), config.wsRequestBurst(), defaults.maxRateViolations())
        .withConnectionCaps(config.wsMaxConnectionsPerUser(), config.wsMaxConnectionsPerAddress())
        .withTrustProxyHeaders(config.trustProxyHeaders());
  }

  static WebSettings webSettings(AppConfig config, String secretKey) {
    WebSettings defaults = WebSettings.defaults(config.uploadDir());
    return defaults
        .withMaxUploadBytes(config.maxUploadBytes())
        .withRegistration(registrationMode(config.registration()))
        .withRegistrationThrottle(config.registrationsPerHour(), Duration.ofHours(1))
        .withAllowedOrigins(Set.copyOf(config.allowedOrigins()))
        .withSecureCookies(config.secureCookies())
        .withTrustProxyHeaders(config.trustProxyHeaders())
        .withRequestLimits(
            defaults.requestLimits().withMaxRequestsPerAddress(config.httpRequestsPerAddress()))
        .withInvites(secretKey, defaults.inviteLifetime());
  }

  private static RegistrationMode registrationMode(AppConfig.Registration registration) {
    switch (registration) {
      case OPEN:
        return RegistrationMode.OPEN;
      case INVITE:
        return RegistrationMode.INVITE_ONLY;
      case CLOSED:
        return RegistrationMode.CLOSED;
      default:
        throw new AssertionError(registration);
    }
  }

  /** The port actually bound: the configured one, or the one picked for port 0. */
  public int port() {
    return port;
  }

  /** Where the server answers, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port + "/");
  }

  /**
   * What to do next when the database held no account at start (open the page and create the first
   * one, and how registration is closed); empty once an account existed.
   */
  public Optional<String> firstStartHint() {
    return firstStartHint;
  }

  /** WebSocket connections open now (as seen at the HTTP layer). */
  public int openConnections() {
    return connections.open();
  }

  /**
   * How long after the transport has closed every socket its clients get to read the close frame
   * (1001) and answer it before HTTP stops. Stopping Undertow while a client's close reply sits
   * unread resets the TCP connection, and a reset can destroy the close frame before the client has
   * read it (the client then sees 1006).
   */
  static final Duration CLOSING_HANDSHAKE = Duration.ofSeconds(3);

  /**
   * The most {@link #close()} takes beyond {@code SHUTDOWN_GRACE_SECONDS}: the transport's flush
   * after the grace ({@link WebSocketTransport#SHUTDOWN_FLUSH}, 2 s), the closing handshakes
   * ({@link #CLOSING_HANDSHAKE}, 3 s) and the storage's wait for a message writer whose commit
   * hangs (5 s).
   */
  public static final Duration SHUTDOWN_OVERRUN = Duration.ofSeconds(10);

  /**
   * Stops gracefully: {@code /healthz} answers 503 at once; the transport refuses new requests,
   * waits up to the configured grace for those being handled, answers 503 to any still unfinished,
   * and closes every socket with 1001 after the frames queued for it; then HTTP stops and the
   * database closes. Returns within the grace plus {@link #SHUTDOWN_OVERRUN}. A second call does
   * nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("event=server_stopping grace_ms={}", config.shutdownGrace().toMillis());
    try {
      transport.shutdown(config.shutdownGrace());
      awaitClosingHandshakes(System.nanoTime() + CLOSING_HANDSHAKE.toNanos());
      undertow.stop();
    } finally {
      web.close();
      core.close();
      bus.ifPresent(ClusterBus::close);
      operationsPool.shutdownNow();
      metrics.close();
      backend.close();
      stopped.countDown();
      LOG.info("event=server_stopped");
    }
  }

  /** Waits until every socket has closed, or until {@code deadline}. */
  private void awaitClosingHandshakes(long deadline) {
    try {
      if (!connections.awaitAllClosed(deadline)) {
        LOG.info("event=sockets_cut open={}", connections.open());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }
}
