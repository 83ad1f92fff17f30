package io.chatterlink.web;

import io.chatterlink.core.policy.ForwardedHeaders;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Behind a reverse proxy, takes the client address and scheme from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}. The <em>last</em> entry is used: that is the one our proxy added,
 * while earlier entries come from the client and can be forged (a proxy that appends, as nginx's
 * {@code $proxy_add_x_forwarded_for} does, keeps whatever the client sent in front). Used only when
 * {@link WebSettings#trustProxyHeaders()} is set.
 */
final class TrustedProxyHeaders implements HttpHandler {

  private final HttpHandler next;

  TrustedProxyHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    ForwardedHeaders.clientAddress(
            Optional.ofNullable(exchange.getRequestHeaders().getLast(Headers.X_FORWARDED_FOR)))
        .ifPresent(
            client -> exchange.setSourceAddress(InetSocketAddress.createUnresolved(client, 0)));
    String scheme =
        ForwardedHeaders.lastEntry(
            Optional.ofNullable(exchange.getRequestHeaders().getLast(Headers.X_FORWARDED_PROTO)));
    if (scheme.equals("https") || scheme.equals("http")) {
      exchange.setRequestScheme(scheme);
    }
    next.handleRequest(exchange);
  }
}
