package io.chatterlink.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Puts the security headers on every response (pages, API, files and errors alike) before anything
 * else runs, so that no path can forget them. A handler further in may replace one with a stricter
 * value (downloads do). {@link ChatWeb#secured} puts it in front of handlers that are not ours
 * ({@code /healthz}, {@code /metrics}, WebSocket upgrades and their refusals).
 */
final class SecurityHeaders implements HttpHandler {
  /** No inline script or style anywhere: the UI is plain files from our own origin. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
          + "media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
          + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final HttpHandler next;

  SecurityHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(HttpString.tryFromString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    headers.put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
    headers.put(HttpString.tryFromString("Referrer-Policy"), "same-origin");
    headers.put(HttpString.tryFromString("X-Frame-Options"), "DENY");
    headers.put(HttpString.tryFromString("Cross-Origin-Opener-Policy"), "same-origin");
    // Our files are for our pages only: other sites may not embed them, even with a cookie.
    headers.put(HttpString.tryFromString("Cross-Origin-Resource-Policy"), "same-origin");
    next.handleRequest(exchange);
  }
}
