package io.chatterlink.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Behind a reverse proxy, takes the client address and scheme from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}. The <em>last</em> entry is used: that is the one our proxy added,
 * while earlier entries come from the client and can be forged (a proxy that appends, as nginx's
 * {@code $proxy_add_x_forwarded_for} does, keeps whatever the client sent in front). Used only when
 * {@link WebSettings#trustProxyHeaders()} is set.
 */
final class TrustedProxyHeaders implements HttpHandler {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

  private final HttpHandler next;

  TrustedProxyHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String client = lastEntry(exchange.getRequestHeaders().getLast(Headers.X_FORWARDED_FOR));
    if (ADDRESS.matcher(client).matches()) {
      exchange.setSourceAddress(InetSocketAddress.createUnresolved(client, 0));
    }
    String scheme = lastEntry(exchange.getRequestHeaders().getLast(Headers.X_FORWARDED_PROTO));
    if (scheme.equals("https") || scheme.equals("http")) {
      exchange.setRequestScheme(scheme);
    }
    next.handleRequest(exchange);
  }

  private static String lastEntry(String header) {
    if (header == null) {
      return "";
    }
    return header.substring(header.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
  }
}
