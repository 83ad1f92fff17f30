package io.chatterlink.transport.websocket;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.transport.websocket.internal.connection.Heartbeat;
import io.chatterlink.transport.websocket.internal.connection.SessionSweep;
import io.chatterlink.transport.websocket.internal.connection.TransportRuntime;
import io.chatterlink.transport.websocket.internal.endpoint.ChatEndpoint;
import io.chatterlink.transport.websocket.internal.handshake.AdmissionHandoff;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAdmission;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAuthentication;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeConfigurator;
import io.chatterlink.transport.websocket.internal.hosting.EngineContainer;
import io.chatterlink.transport.websocket.internal.hosting.OptionalHosting;
import io.chatterlink.transport.websocket.internal.hosting.StandaloneGrizzly;
import io.chatterlink.transport.websocket.internal.hosting.UndertowUpgradeHandler;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import io.undertow.server.HttpHandler;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The real-time transport: the {@code chatterlink.v1} protocol ({@code docs/protocol.md}) on
 * Jakarta WebSocket, served by Tyrus.
 *
 * <p>Lifecycle: {@link #create}, pass {@link #delivery()} to {@code ChatCore.builder()}, build the
 * core, {@link #attach} it, then host the endpoint with {@link #undertowHandler} (same port as the
 * web pages), {@link #startStandalone} (Tyrus on Grizzly) or {@link #endpointConfig} (any Jakarta
 * WebSocket container). Upgrades are refused (503) until a core is attached and after {@link
 * #shutdown}. Thread-safe.
 *
 * <p>{@link #create} serves {@value #DEFAULT_PATH} and authenticates with ChatterLink's session
 * cookie; {@link #builder} sets another path or a {@link HandshakeAuthenticator} of the embedder's
 * own (servlet session, JWT, container principal).
 */
public final class WebSocketTransport {
  /** The endpoint's path unless {@link Builder#path} says otherwise. */
  public static final String DEFAULT_PATH = "/ws";

  /** The longest endpoint path accepted by {@link Builder#path}. */
  public static final int MAX_PATH_LENGTH = 200;

  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

  private final TransportRuntime runtime;
  private final String path;
  private final Optional<HandshakeAuthenticator> authenticator;
  private final HandshakeAdmission admission;
  private final AdmissionHandoff handoff = new AdmissionHandoff();
  private final ServerEndpointConfig endpointConfig;
  private final ExecutorService readExecutor =
      Executors.newCachedThreadPool(TransportRuntime.daemonThreads("chatterlink-ws-in"));
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private volatile WebSocketEngine undertowEngine;
  private volatile Heartbeat heartbeat;
  private volatile SessionSweep sessionSweep;

  private WebSocketTransport(Builder builder) {
    this.runtime = new TransportRuntime(builder.settings, builder.metrics);
    this.path = builder.path;
    this.authenticator = builder.authenticator;
    this.admission =
        new HandshakeAdmission(
            runtime, new HandshakeAuthentication(authenticator, java.time.Clock.systemUTC()));
    this.endpointConfig =
        // Registered as the public Endpoint type: Tyrus calls onOpen/onClose reflectively, which a
        // package-private class would refuse; the configurator supplies the ChatEndpoint instances.
        ServerEndpointConfig.Builder.create(ChatEndpoint.class, path)
            .configurator(
                new HandshakeConfigurator(
                    runtime.settings(), admission, handoff, () -> new ChatEndpoint(runtime)))
            .build();
  }

  /**
   * A builder of a transport with these settings, on {@value #DEFAULT_PATH}, reporting nothing,
   * authenticating with ChatterLink's session cookie until told otherwise.
   *
   * @param settings the transport's limits and origin policy
   * @return a new builder
   */
  public static Builder builder(TransportSettings settings) {
    return new Builder(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * A transport with these settings that reports nothing ({@link TransportMetrics#NONE}); it serves
   * nothing until a core is attached.
   *
   * @param settings the transport's limits and origin policy
   * @return a new transport; give its {@link #delivery()} to the core, then {@link #attach} the
   *     core
   */
  public static WebSocketTransport create(TransportSettings settings) {
    return create(settings, TransportMetrics.NONE);
  }

  /**
   * A transport with these settings that reports connections, requests, slow-client drops and
   * rate-limit refusals to {@code metrics}; it serves nothing until a core is attached.
   *
   * @param settings the transport's limits and origin policy
   * @param metrics where to count; called on transport threads, so it must be thread-safe and fast
   * @return a new transport; give its {@link #delivery()} to the core, then {@link #attach} the
   *     core
   */
  public static WebSocketTransport create(TransportSettings settings, TransportMetrics metrics) {
    return builder(settings).metrics(metrics).build();
  }

  /**
   * The path the endpoint is served on.
   *
   * @return {@value #DEFAULT_PATH} or the one given to {@link Builder#path}
   */
  public String path() {
    return path;
  }

  /**
   * The delivery port to give {@code ChatCore.builder()}; events go to open sockets only.
   *
   * @return the same instance on every call
   */
  public Delivery delivery() {
    return runtime.registry();
  }

  /**
   * Connects the core the endpoints translate to, and starts the heartbeat (pings, idle detection,
   * typing expiry) and the session sweep (closes the sockets of sessions that ended elsewhere).
   *
   * @param core the core built with this transport's {@link #delivery()}
   * @throws IllegalStateException on a second call
   */
  public void attach(ChatCore core) {
    runtime.attach(Objects.requireNonNull(core, "core"));
    heartbeat = new Heartbeat(runtime, core);
    sessionSweep =
        new SessionSweep(runtime, core.accounts(), authenticator, java.time.Clock.systemUTC());
    runtime.registry().onRecheck(sessionSweep::sweepSoon);
  }

  /**
   * An Undertow handler that serves WebSocket upgrades on {@link #path()} and passes every other
   * request to {@code next}. Put it in front of any {@code PathHandler}. Refusals are plain HTTP
   * answers (401, 403, 429, 503) before the upgrade. Needs {@code io.undertow:undertow-core} and
   * {@code org.glassfish.tyrus:tyrus-server}, optional dependencies of this module.
   *
   * @param next the handler of every request that is not an upgrade on {@link #path()}
   * @return the handler to install in Undertow
   * @throws IllegalStateException if {@code org.glassfish.tyrus:tyrus-server} is not on the class
   *     path (the message names it)
   */
  public HttpHandler undertowHandler(HttpHandler next) {
    OptionalHosting.UNDERTOW.require();
    return UndertowUpgradeHandler.create(
        engine(), path, Objects.requireNonNull(next, "next"), readExecutor);
  }

  /**
   * The endpoint on {@link #path()}, for any Jakarta WebSocket container with per-handshake user
   * properties (Tyrus and Jetty have them). A container other than Tyrus cannot refuse from the
   * endpoint's configurator: on a servlet container install a {@link ServletHandshakeFilter} in
   * front of the upgrade, which answers refusals with their HTTP status; without it a refused
   * handshake opens a socket that is closed at once with the refusal's {@link
   * HandshakeRefusal#closeCode()}.
   *
   * @return the configuration to deploy in the container
   */
  public ServerEndpointConfig endpointConfig() {
    return endpointConfig;
  }

  /**
   * Serves the endpoint alone on Tyrus's Grizzly server, on {@link #path()}. Refusals are plain
   * HTTP answers (401, 403, 429, 503) before the upgrade. Needs {@code
   * org.glassfish.tyrus:tyrus-container-grizzly-server} (which brings {@code tyrus-server}), an
   * optional dependency of this module.
   *
   * @param host the address to listen on ({@code 127.0.0.1} for loopback only, {@code 0.0.0.0} for
   *     every interface)
   * @param port a port, or -1 (or 0) for an ephemeral one
   * @return the running server; close it after {@link #shutdown}
   * @throws IllegalStateException if the server cannot start (the port is taken, the host is not an
   *     address of this machine), or if Tyrus's Grizzly container is not on the class path (the
   *     message names the artifacts to add)
   */
  public StandaloneServer startStandalone(String host, int port) {
    Objects.requireNonNull(host, "host");
    OptionalHosting.GRIZZLY.require();
    return StandaloneGrizzly.start(newContainer(), host, port);
  }

  /**
   * How long after the grace sockets still get to send what was queued for them (replies, pushes,
   * the 503s of the cut) and their close frame before the rest are closed at once.
   */
  public static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(2);

  /**
   * Graceful shutdown: refuses new sockets (503) and new requests (reply 503), waits up to {@code
   * grace} for requests being handled to finish, then closes every socket with 1001 after the
   * frames queued for it (replies and acks included). A request still being handled when the grace
   * runs out (a commit that hangs, say) is answered 503 at once, before the close; should it
   * complete later, its own answer is dropped. Sockets that have not sent their queue within {@link
   * #SHUTDOWN_FLUSH} after the grace are closed at once, still with 1001. Returns within {@code
   * grace} plus {@link #SHUTDOWN_FLUSH} plus a few hundred milliseconds. A second call does
   * nothing. Standalone servers are closed by their own {@link StandaloneServer#close()}, after
   * this.
   *
   * @param grace how long requests being handled may take to finish; zero to cut them at once
   */
  public void shutdown(Duration grace) {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    runtime.beginShutdown();
    awaitUntil(() -> runtime.inFlightRequests().get() == 0, deadline);
    runtime
        .registry()
        .all()
        .forEach(
            c ->
                c.closeAnsweringInFlight(
                    CloseCodes.SHUTTING_DOWN,
                    id ->
                        ServerFrames.error(
                            Optional.of(id),
                            ErrorCode.UNAVAILABLE,
                            "server shut down before this request completed; it may or may not"
                                + " have taken effect")));
    long flushDeadline = Math.max(deadline, System.nanoTime()) + SHUTDOWN_FLUSH.toNanos();
    awaitUntil(() -> runtime.registry().all().isEmpty(), flushDeadline);
    runtime.registry().all().forEach(c -> c.closeNow(CloseCodes.SHUTTING_DOWN));
    Heartbeat beat = heartbeat;
    if (beat != null) {
      beat.close();
    }
    SessionSweep sweep = sessionSweep;
    if (sweep != null) {
      sweep.close();
    }
    runtime.outbound().shutdown();
    try {
      runtime
          .outbound()
          .awaitTermination(Math.max(100, remainingMillis(flushDeadline)), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runtime.closer().shutdown();
    readExecutor.shutdown();
  }

  /** The checks of an upgrade, for the servlet filter. */
  HandshakeAdmission admission() {
    return admission;
  }

  /** Where the servlet filter leaves a handshake it admitted for the configurator. */
  AdmissionHandoff handoff() {
    return handoff;
  }

  /** Open connections of a user (several tabs), for tests and metrics. */
  int openConnections(UserId user) {
    return runtime.registry().connectionsOf(user);
  }

  private WebSocketEngine engine() {
    WebSocketEngine engine = undertowEngine;
    if (engine == null) {
      synchronized (this) {
        if (undertowEngine == null) {
          undertowEngine = newContainer().getWebSocketEngine();
        }
        engine = undertowEngine;
      }
    }
    return engine;
  }

  /** A Tyrus container of its own with the endpoint deployed: one per hosting. */
  private TyrusServerContainer newContainer() {
    return EngineContainer.deploying(endpointConfig);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done, long deadline) {
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long remainingMillis(long deadline) {
    return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
  }

  /**
   * Builds a {@link WebSocketTransport}. Not thread-safe; {@link #build} may be called again for
   * another transport.
   */
  public static final class Builder {
    private final TransportSettings settings;
    private TransportMetrics metrics = TransportMetrics.NONE;
    private Optional<HandshakeAuthenticator> authenticator = Optional.empty();
    private String path = DEFAULT_PATH;

    private Builder(TransportSettings settings) {
      this.settings = settings;
    }

    /**
     * Where the transport reports connections, requests, slow-client drops and rate-limit refusals.
     *
     * @param metrics called on transport threads, so it must be thread-safe and fast
     * @return this builder
     */
    public Builder metrics(TransportMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Authenticates handshakes with the embedder's own login instead of ChatterLink's session
     * cookie (see {@link HandshakeAuthenticator} for what it must do and what it is responsible
     * for).
     *
     * @param authenticator decides who each upgrade request belongs to
     * @return this builder
     */
    public Builder authenticator(HandshakeAuthenticator authenticator) {
      this.authenticator = Optional.of(Objects.requireNonNull(authenticator, "authenticator"));
      return this;
    }

    /**
     * The path to serve the endpoint on (default {@value #DEFAULT_PATH}), relative to the
     * container's context path where there is one.
     *
     * @param path one or more segments, each {@code /} and then letters, digits, {@code -}, {@code
     *     _}, {@code ~} and {@code .} (not first), at most {@value #MAX_PATH_LENGTH} characters; no
     *     trailing slash, no query, no template
     * @return this builder
     * @throws IllegalArgumentException if the path breaks that rule
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (path.length() > MAX_PATH_LENGTH || !PATH.matcher(path).matches()) {
        throw new IllegalArgumentException(
            "the WebSocket path must be segments like /ws or /chat/socket (letters, digits, - _ ~"
                + " and . not first), at most "
                + MAX_PATH_LENGTH
                + " characters: "
                + path);
      }
      this.path = path;
      return this;
    }

    /**
     * A new transport with what was set; it serves nothing until a core is attached.
     *
     * @return the transport; give its {@link #delivery()} to the core, then {@link #attach} it
     */
    public WebSocketTransport build() {
      return new WebSocketTransport(this);
    }
  }

  /** A running standalone server. */
  public interface StandaloneServer extends AutoCloseable {
    /**
     * The port it listens on.
     *
     * @return the port, the ephemeral one chosen if so asked
     */
    int port();

    /** Stops the server; a second call does nothing. */
    @Override
    void close();
  }
}
