package io.chatterlink.transport.websocket.internal.hosting;

import io.undertow.security.api.SecurityContext;
import io.undertow.security.idm.Account;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.WebSocketEngine.UpgradeInfo;

/**
 * Serves WebSocket upgrades on the endpoint's path with Tyrus's engine on the same Undertow port as
 * the pages and the API (one origin), passing every other request to {@code next}. Must sit in
 * front of any {@code PathHandler}: Tyrus matches the full request path.
 */
public final class UndertowUpgradeHandler implements HttpHandler {
  private final WebSocketEngine engine;
  private final String path;
  private final HttpHandler next;
  private final Executor readExecutor;

  private UndertowUpgradeHandler(
      WebSocketEngine engine, String path, HttpHandler next, Executor readExecutor) {
    this.engine = engine;
    this.path = path;
    this.next = next;
    this.readExecutor = readExecutor;
  }

  /**
   * The handler, typed as Undertow's interface: {@code WebSocketTransport} calls this rather than
   * the constructor, so that verifying it never loads Undertow (an optional dependency).
   *
   * @param engine the Tyrus engine with the chat endpoint deployed
   * @param path the endpoint's path
   * @param next the handler of every other request
   * @param readExecutor where the sockets' reads run
   * @return the handler
   */
  public static HttpHandler create(
      WebSocketEngine engine, String path, HttpHandler next, Executor readExecutor) {
    return new UndertowUpgradeHandler(engine, path, next, readExecutor);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!isUpgrade(exchange)) {
      next.handleRequest(exchange);
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this); // the handshake reads the session store: not on an I/O thread
      return;
    }
    TyrusUpgradeResponse response = new TyrusUpgradeResponse();
    UpgradeInfo upgrade = engine.upgrade(tyrusRequest(exchange), response);
    switch (upgrade.getStatus()) {
      case NOT_APPLICABLE:
        next.handleRequest(exchange);
        return;
      case HANDSHAKE_FAILED:
        refuse(exchange, response.getStatus());
        return;
      case SUCCESS:
        if (response.getStatus() != 101) {
          refuse(exchange, response.getStatus()); // 401 and 503 come back from Tyrus as "success"
          return;
        }
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
          exchange
              .getResponseHeaders()
              .putAll(HttpString.tryFromString(header.getKey()), header.getValue());
        }
        exchange.upgradeChannel(
            (streamConnection, ex) ->
                XnioTyrusConnection.open(streamConnection, upgrade, readExecutor));
        exchange.endExchange();
        return;
      default:
        throw new AssertionError(upgrade.getStatus());
    }
  }

  private boolean isUpgrade(HttpServerExchange exchange) {
    return exchange.getRequestMethod().equals(Methods.GET)
        && path.equals(exchange.getRequestPath())
        && "websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst(Headers.UPGRADE));
  }

  private static void refuse(HttpServerExchange exchange, int status) {
    exchange.setStatusCode(status >= 400 ? status : 400);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    exchange.endExchange();
  }

  /**
   * The peer's address as text; a handler in front may have replaced it with an unresolved one (a
   * proxy's {@code X-Forwarded-For}), which has a host string but no {@code InetAddress}.
   */
  private static String peerAddress(InetSocketAddress source) {
    return source.getAddress() != null
        ? source.getAddress().getHostAddress()
        : source.getHostString();
  }

  /** The user an Undertow security handler in front authenticated, if any. */
  private static Principal principal(HttpServerExchange exchange) {
    SecurityContext security = exchange.getSecurityContext();
    Account account = security == null ? null : security.getAuthenticatedAccount();
    return account == null ? null : account.getPrincipal();
  }

  private static RequestContext tyrusRequest(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    String uri = exchange.getRequestPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    RequestContext request =
        RequestContext.Builder.create()
            .requestURI(URI.create(uri))
            .queryString(query == null || query.isEmpty() ? null : query)
            .secure("https".equals(exchange.getRequestScheme()))
            .remoteAddr(peerAddress(exchange.getSourceAddress()))
            .userPrincipal(principal(exchange))
            .build();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      request.getHeaders().put(values.getHeaderName().toString(), new ArrayList<>(values));
    }
    return request;
  }
}
