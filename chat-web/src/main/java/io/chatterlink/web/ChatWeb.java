package io.chatterlink.web;

import io.chatterlink.core.ChatCore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.util.Objects;

/**
 * The HTTP side of ChatterLink as one Undertow handler: the browser UI, the JSON API under {@code
 * /api/} (accounts, users, rooms, direct conversations, history, read markers, uploads and
 * downloads), CSRF protection and the security headers on every response. Documented in {@code
 * docs/http-api.md}.
 *
 * <pre>{@code
 * ChatWeb web = ChatWeb.create(core, WebSettings.defaults(Path.of("data/uploads")));
 * Undertow.builder()
 *     .addHttpListener(8080, "localhost")
 *     .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, web.maxEntitySize())
 *     .setHandler(web.handler())
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Thread-safe; build one per server. It owns no threads (the API runs on Undertow's worker
 * pool), so there is nothing to close.
 */
public final class ChatWeb {
  private final HttpHandler handler;
  private final long maxEntitySize;

  private ChatWeb(HttpHandler handler, long maxEntitySize) {
    this.handler = handler;
    this.maxEntitySize = maxEntitySize;
  }

  /**
   * Builds the handler, creating the upload directory if needed.
   *
   * @throws java.io.UncheckedIOException if the upload directory cannot be created
   */
  public static ChatWeb create(ChatCore core, WebSettings settings) {
    return create(core, settings, Clock.systemUTC());
  }

  /**
   * As {@link #create(ChatCore, WebSettings)}, with the clock of the login throttle and invites.
   */
  static ChatWeb create(ChatCore core, WebSettings settings, Clock clock) {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(settings, "settings");
    Json json = new Json(settings.maxJsonBodyBytes());
    JsonViews views = new JsonViews(json);
    ErrorResponses errors = new ErrorResponses(json);
    Cookies cookies = new Cookies(settings.secureCookies(), settings.sessionCookieMaxAge());
    ApiRoutes api =
        new ApiRoutes(json, errors, new CsrfGuard(settings.allowedOrigins()), core.accounts());
    LoginThrottle throttle =
        new LoginThrottle(
            settings.maxLoginFailuresPerAccount(),
            settings.maxLoginFailuresPerAddress(),
            settings.loginThrottleWindow(),
            clock);
    InviteCodes invites =
        new InviteCodes(
            InviteCodes.keyFrom(settings.inviteSecret()), settings.inviteLifetime(), clock);
    EventWindow registrations =
        new EventWindow(
            settings.maxRegistrationsPerAddress(), settings.registrationWindow(), clock);
    new AccountEndpoints(
            core.accounts(),
            views,
            cookies,
            throttle,
            registrations,
            invites,
            settings.registration())
        .register(api);
    new ServerInfoEndpoint(settings).register(api);
    new UserEndpoints(core.accounts(), views, clock).register(api);
    new RoomEndpoints(core, views).register(api);
    new ConversationEndpoints(core, views).register(api);
    new AttachmentEndpoints(
            core, views, new AttachmentFiles(settings.uploadDir()), settings.maxUploadBytes())
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
        settings.maxUploadBytes() + AttachmentEndpoints.DRAIN_ALLOWANCE);
  }

  /**
   * The smallest value for Undertow's {@code UndertowOptions.MAX_ENTITY_SIZE} server option that
   * lets every accepted upload through: the upload limit plus 1 MiB. Set it when building the
   * server ({@code builder.setServerOption(UndertowOptions.MAX_ENTITY_SIZE, web.maxEntitySize())}):
   * Undertow 2.4 defaults to 2 MiB and, for chunked bodies, ignores the per-request limit this
   * handler sets, so without it chunked uploads over 2 MiB fail. Every route still enforces its
   * own, smaller limit.
   */
  public long maxEntitySize() {
    return maxEntitySize;
  }

  /**
   * The handler serving everything this module owns; put the WebSocket upgrade handler (and any
   * {@code /healthz} or {@code /metrics}) in front of it. The same instance on every call.
   */
  public HttpHandler handler() {
    return handler;
  }
}
