package io.chatterlink.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;

/**
 * The browser UI: plain HTML, CSS and ES modules from this jar's {@code io/chatterlink/web/ui}
 * folder, with no build step. Browsers revalidate on every load so that an upgrade shows at once.
 */
final class StaticUi implements HttpHandler {
  static final String RESOURCE_ROOT = "io/chatterlink/web/ui";

  private final ResourceHandler resources;

  StaticUi() {
    this.resources =
        new ResourceHandler(
                new ClassPathResourceManager(StaticUi.class.getClassLoader(), RESOURCE_ROOT))
            .setDirectoryListingEnabled(false);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.getRelativePath().equals("/") || exchange.getRelativePath().isEmpty()) {
      exchange.setRelativePath("/index.html");
    }
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
    resources.handleRequest(exchange);
  }
}
