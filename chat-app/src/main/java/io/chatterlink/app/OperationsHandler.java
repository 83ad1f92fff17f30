package io.chatterlink.app;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (JSON; 200 when the database answers and message commits succeed, 503 with
 * the reason when not, and 503 from the moment a shutdown starts; see {@link HealthChecks}) and
 * {@code GET /metrics} (Prometheus text format); every other request goes on to {@code next}.
 * Neither endpoint reveals anything about users or messages, but the meters tell an outsider how
 * busy the server is: {@code /metrics} answers only a request with {@code Authorization: Bearer
 * <METRICS_TOKEN>}, and is off (404) while no token is set. Both run on their own small pool, so
 * that they answer even while every other pool is busy.
 */
final class OperationsHandler implements HttpHandler {
  static final String HEALTH_PATH = "/healthz";
  static final String METRICS_PATH = "/metrics";

  /** The Prometheus text exposition format, version 0.0.4. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(OperationsHandler.class);

  private final HttpHandler next;
  private final HealthChecks health;
  private final Supplier<String> metricsText;
  private final Optional<byte[]> metricsAuthorization;
  private final Executor executor;

  /**
   * @param health what the health check asks
   * @param metricsText every meter in the Prometheus text format
   * @param metricsToken the bearer token {@code /metrics} requires; empty: {@code /metrics} is off
   * @param executor where the (blocking) answers are computed, never an I/O thread
   */
  OperationsHandler(
      HttpHandler next,
      HealthChecks health,
      Supplier<String> metricsText,
      Optional<String> metricsToken,
      Executor executor) {
    this.next = next;
    this.health = health;
    this.metricsText = metricsText;
    this.metricsAuthorization =
        metricsToken.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    this.executor = executor;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRequestPath();
    if (!HEALTH_PATH.equals(path) && !METRICS_PATH.equals(path)) {
      next.handleRequest(exchange);
      return;
    }
    if (exchange.isInIoThread()) {
      // Both answers block (a database query, a scrape); never on an I/O thread.
      exchange.dispatch(executor, this);
      return;
    }
    if (!Methods.GET.equals(exchange.getRequestMethod())
        && !Methods.HEAD.equals(exchange.getRequestMethod())) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
    if (HEALTH_PATH.equals(path)) {
      health(exchange);
    } else if (metricsAuthorization.isEmpty()) {
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("/metrics is off: set METRICS_TOKEN to turn it on\n");
    } else if (!authorized(exchange)) {
      exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
      exchange.endExchange();
    } else {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, PROMETHEUS_TEXT);
      exchange.getResponseSender().send(metricsText.get());
    }
  }

  private boolean authorized(HttpServerExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    return given != null
        && MessageDigest.isEqual(
            metricsAuthorization.get(), given.strip().getBytes(StandardCharsets.UTF_8));
  }

  private void health(HttpServerExchange exchange) {
    HealthChecks.Verdict verdict;
    try {
      verdict = health.verdict();
    } catch (RuntimeException e) {
      LOG.warn("event=health_check_failed error={}", e.getClass().getSimpleName());
      verdict =
          new HealthChecks.Verdict(false, "{\"status\":\"unavailable\",\"database\":\"down\"}");
    }
    exchange.setStatusCode(verdict.healthy() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(verdict.json());
  }
}
