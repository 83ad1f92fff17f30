package io.chatterlink.web;

import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.port.in.ManageAccounts;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * The {@code /api/} router. Every route runs on a worker thread in blocking mode, has CSRF checked
 * first when it changes state, and has its failures turned into JSON errors. Unknown paths and
 * methods get JSON errors too, never the HTML of the UI.
 */
final class ApiRoutes {
  private final RoutingHandler router = new RoutingHandler(false);
  private final Json json;
  private final ErrorResponses errors;
  private final CsrfGuard csrf;
  private final ManageAccounts accounts;

  ApiRoutes(Json json, ErrorResponses errors, CsrfGuard csrf, ManageAccounts accounts) {
    this.json = json;
    this.errors = errors;
    this.csrf = csrf;
    this.accounts = accounts;
    router.setFallbackHandler(ex -> errors.send(ex, ErrorCode.NOT_FOUND, "no such API endpoint"));
    router.setInvalidMethodHandler(
        ex -> errors.send(ex, 405, ErrorCode.INVALID_INPUT, "method not allowed on this endpoint"));
  }

  ApiRoutes get(String template, Endpoint endpoint) {
    return add(Methods.GET, template, endpoint);
  }

  ApiRoutes post(String template, Endpoint endpoint) {
    return add(Methods.POST, template, endpoint);
  }

  ApiRoutes patch(String template, Endpoint endpoint) {
    return add(Methods.PATCH, template, endpoint);
  }

  ApiRoutes delete(String template, Endpoint endpoint) {
    return add(Methods.DELETE, template, endpoint);
  }

  HttpHandler handler() {
    return router;
  }

  private ApiRoutes add(HttpString method, String template, Endpoint endpoint) {
    router.add(method, template, wrap(endpoint));
    if (method.equals(Methods.GET)) {
      router.add(Methods.HEAD, template, wrap(endpoint));
    }
    return this;
  }

  private HttpHandler wrap(Endpoint endpoint) {
    return new HttpHandler() {
      @Override
      public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
          exchange.dispatch(this);
          return;
        }
        // JSON bodies are small; an upload route raises this again for its own body.
        exchange.setMaxEntitySize(json.maxBodyBytes() + 1L);
        exchange.startBlocking();
        try {
          if (CsrfGuard.changesState(exchange)) {
            csrf.check(exchange);
          }
          endpoint.handle(new Call(exchange, json, accounts));
        } catch (Exception e) {
          errors.send(exchange, e);
        }
      }
    };
  }
}
