package io.chatterlink.web;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.port.out.Storage;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of ChatterLink as one Undertow handler: the browser UI, the JSON API under {@code
 * /api/} (accounts, users, rooms, direct conversations, history, read markers, uploads and
 * downloads), CSRF protection and the security headers on every response. Documented in {@code
 * docs/http-api.md}.
 *
 * <pre>{@code
 * ChatWeb web = ChatWeb.create(core, WebSettings.defaults(Path.of("data/uploads")), storage);
 * Undertow server =
 *     web.configure(Undertow.builder())
 *         .addHttpListener(8080, "localhost")
 *         .setHandler(web.handler())
 *         .build();
 * server.start();
 * }</pre>
 *
 * <p>Thread-safe; build one per server. It owns threads, released by {@link #close()}: two bounded
 * pools that run the API (see {@link RequestLimits}), a small pool that decodes thumbnails (one
 * thread per core, see {@code ThumbnailPool}) and one thread that sweeps expired uploads every
 * {@link WebSettings#uploadSweepInterval()}. Close it after the server stops.
 */
public final class ChatWeb implements AutoCloseable {
  /** The first sweep runs this soon after start (or after the interval, if shorter). */
  static final Duration FIRST_SWEEP_AFTER = Duration.ofMinutes(1);

  private final HttpHandler handler;
  private final long maxEntitySize;
  private final RequestLimits limits;
  private final RequestPools pools;
  private final ThumbnailPool thumbnails;
  private final UploadSweeper sweeper;
  private final ScheduledExecutorService sweeps;

  private ChatWeb(
      HttpHandler handler,
      long maxEntitySize,
      RequestLimits limits,
      RequestPools pools,
      ThumbnailPool thumbnails,
      UploadSweeper sweeper,
      Duration sweepInterval) {
    this.handler = handler;
    this.maxEntitySize = maxEntitySize;
    this.limits = limits;
    this.pools = pools;
    this.thumbnails = thumbnails;
    this.sweeper = sweeper;
    this.sweeps =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chatterlink-upload-sweep");
              t.setDaemon(true);
              return t;
            });
    long firstNanos = Math.min(sweepInterval.toNanos(), FIRST_SWEEP_AFTER.toNanos());
    sweeps.scheduleWithFixedDelay(
        sweeper::sweepQuietly, firstNanos, sweepInterval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Builds the handler, creating the upload directory if needed, with the login, registration and
   * search throttles and the spent invite codes kept in {@code storage} (the same database as the
   * core's, usually) and uploaded files under {@link WebSettings#uploadDir()}: {@link
   * #create(ChatCore, WebSettings, WebStores)} with {@link WebStores#from(Storage,
   * io.chatterlink.core.port.out.BlobStore) WebStores.from(storage,
   * WebStores.filesIn(settings.uploadDir()))}. Every server process on the same database and upload
   * directory then throttles alike, spends an invite code once and serves every upload.
   *
   * @param core the use cases the API calls; required
   * @param settings limits, cookies, allowed origins and the upload directory; required
   * @param storage the database whose login attempts, rate windows and single-use tokens the web
   *     adapter uses, e.g. {@code JooqStorage.open(...)}; required
   * @return a handler whose threads run from now until {@link #close()}
   * @throws NullPointerException if an argument is null
   * @throws java.io.UncheckedIOException if the upload directory cannot be created
   */
  public static ChatWeb create(ChatCore core, WebSettings settings, Storage storage) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(storage, "storage");
    return create(core, settings, WebStores.from(storage, WebStores.filesIn(settings.uploadDir())));
  }

  /**
   * Builds the handler, creating the upload directory if needed (temp files of uploads in flight
   * are always written under {@link WebSettings#uploadDir()}), with the login, registration and
   * search throttles, spent invite codes and uploaded files kept in {@code stores}: with the
   * database's stores and a blob store every node reaches, every server process on them throttles
   * alike, spends an invite code once and serves every upload.
   *
   * @param core the use cases the API calls; required
   * @param settings limits, cookies, allowed origins and the upload directory; required
   * @param stores the throttles' counters, spent invite codes and uploaded files; required
   * @return a handler whose threads run from now until {@link #close()}
   * @throws NullPointerException if an argument is null
   * @throws java.io.UncheckedIOException if the upload directory cannot be created
   */
  public static ChatWeb create(ChatCore core, WebSettings settings, WebStores stores) {
    return create(core, settings, stores, Clock.systemUTC());
  }

  /** As {@link #create(ChatCore, WebSettings, WebStores)}, with the clock of the throttles. */
  static ChatWeb create(ChatCore core, WebSettings settings, WebStores stores, Clock clock) {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(stores, "stores");
    Json json = new Json(settings.maxJsonBodyBytes());
    JsonViews views = new JsonViews(json);
    ErrorResponses errors = new ErrorResponses(json);
    Cookies cookies = new Cookies(settings.secureCookies(), settings.sessionCookieMaxAge());
    RequestPools pools = new RequestPools(settings.requestLimits());
    ApiRoutes api =
        new ApiRoutes(
            json,
            errors,
            new CsrfGuard(settings.allowedOrigins()),
            core.accounts(),
            settings.requestLimits(),
            pools);
    LoginThrottle throttle =
        new LoginThrottle(stores.loginAttempts(), LoginLimits.of(settings), clock);
    InviteCodes invites =
        new InviteCodes(
            InviteCodes.keyFrom(settings.inviteSecret()),
            settings.inviteLifetime(),
            stores.spentInvites(),
            clock);
    SharedThrottle registrations =
        new SharedThrottle(
            "registration",
            stores.rateWindows(),
            settings.maxRegistrationsPerAddress(),
            settings.registrationWindow(),
            clock);
    new AccountEndpoints(
            core.accounts(),
            views,
            cookies,
            new DeviceCookie(settings.secureCookies(), settings.trustedDeviceLifetime()),
            throttle,
            registrations,
            invites,
            settings.registration())
        .register(api);
    new ServerInfoEndpoint(settings).register(api);
    new UserEndpoints(core.accounts(), views, stores.rateWindows(), clock).register(api);
    new RoomEndpoints(core, views).register(api);
    new ConversationEndpoints(core, views).register(api);
    UploadStaging staging = new UploadStaging(settings.uploadDir());
    ThumbnailPool thumbnails = ThumbnailPool.forThisMachine();
    new AttachmentEndpoints(
            core, views, stores.blobs(), staging, thumbnails, settings.maxUploadBytes())
        .register(api);

    HttpHandler apiHandler = api.handler();
    HttpHandler ui = new StaticUi();
    HttpHandler root =
        new SecurityHeaders(
            (HttpServerExchange exchange) -> {
              cookies.issueCsrfIfMissing(exchange);
              String path = exchange.getRelativePath();
              if (path.equals("/api") || path.startsWith("/api/")) {
                apiHandler.handleRequest(exchange);
              } else {
                ui.handleRequest(exchange);
              }
            });
    return new ChatWeb(
        settings.trustProxyHeaders() ? new TrustedProxyHeaders(root) : root,
        settings.maxUploadBytes() + AttachmentEndpoints.DRAIN_ALLOWANCE,
        settings.requestLimits(),
        pools,
        thumbnails,
        new UploadSweeper(core.attachments(), stores.blobs(), staging),
        settings.uploadSweepInterval());
  }

  /**
   * Runs one sweep of expired uploads now, on the calling thread, as the scheduled sweep does.
   *
   * @return how many uploads' files were deleted
   */
  public int sweepUploads() {
    return sweeper.sweep();
  }

  /**
   * Stops the request pools (letting running requests finish for a few seconds), the upload sweep
   * and the thumbnail pool; uploads still running are stored without a thumbnail. Call it after the
   * HTTP server has stopped. A second call does nothing.
   */
  @Override
  public void close() {
    pools.close();
    sweeps.shutdownNow();
    thumbnails.close();
  }

  /**
   * The smallest value for Undertow's {@code UndertowOptions.MAX_ENTITY_SIZE} server option that
   * lets every accepted upload through: the upload limit plus 1 MiB. Set it when building the
   * server ({@code builder.setServerOption(UndertowOptions.MAX_ENTITY_SIZE, web.maxEntitySize())}):
   * Undertow 2.4 defaults to 2 MiB and, for chunked bodies, ignores the per-request limit this
   * handler sets, so without it chunked uploads over 2 MiB fail. Every route still enforces its
   * own, smaller limit.
   *
   * @return the upload limit plus 1 MiB, in bytes
   */
  public long maxEntitySize() {
    return maxEntitySize;
  }

  /**
   * Sets the server options this handler relies on: the entity size of {@link #maxEntitySize()},
   * and the timeouts that close connections whose request headers crawl in ({@link
   * RequestLimits#requestParseTimeout()}) or that sit idle between requests ({@link
   * RequestLimits#idleConnectionTimeout()}). Call it on the builder of the server that serves
   * {@link #handler()}.
   *
   * @param builder the builder of the server that will serve this handler; other options set on it
   *     stay, these three are overwritten
   * @return the same builder, for chaining
   */
  public Undertow.Builder configure(Undertow.Builder builder) {
    return builder
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, maxEntitySize)
        .setServerOption(
            UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.requestParseTimeout().toMillis())
        .setServerOption(
            UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleConnectionTimeout().toMillis());
  }

  /**
   * {@code next} with this module's security headers ({@code Content-Security-Policy}, {@code
   * X-Content-Type-Options: nosniff}, framing and referrer rules) put on every response before it
   * runs: put it outermost, so that responses made by other handlers ({@code /healthz}, WebSocket
   * refusals) carry them too. {@link #handler()} already has them.
   *
   * @param next the handler to wrap, typically the server's outermost routing handler
   * @return a handler that sets the headers, then calls {@code next}
   */
  public static HttpHandler secured(HttpHandler next) {
    return new SecurityHeaders(next);
  }

  /**
   * {@return the handler serving everything this module owns; the same instance on every call} Put
   * the WebSocket upgrade handler (and any {@code /healthz} or {@code /metrics}) in front of it.
   */
  public HttpHandler handler() {
    return handler;
  }
}
