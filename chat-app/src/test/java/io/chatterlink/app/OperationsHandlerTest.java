package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsHandlerTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();
  private static final String TOKEN = "a-metrics-token-of-some-length";
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private Undertow server;

  @AfterEach
  void stop() {
    server.stop();
    registry.close();
    pool.shutdownNow();
  }

  @Test
  void healthIsOkWhileTheDatabaseAnswersAndUnavailableWhenItDoesNot() throws Exception {
    AtomicBoolean up = new AtomicBoolean(true);
    URI base = start(up::get);

    HttpResponse<String> healthy = get(base.resolve("/healthz"));
    up.set(false);
    HttpResponse<String> down = get(base.resolve("/healthz"));

    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(healthy.body())
        .isEqualTo("{\"status\":\"ok\",\"database\":\"up\",\"commits\":\"ok\"}");
    assertThat(healthy.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(down.statusCode()).isEqualTo(503);
  }

  @Test
  void failingCommitsMakeHealthUnavailableWithTheReason() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    URI base = start(new HealthChecks(() -> false, () -> true, failing::get), Optional.of(TOKEN));

    HttpResponse<String> unhealthy = get(base.resolve("/healthz"));
    failing.set(false);
    HttpResponse<String> recovered = get(base.resolve("/healthz"));

    assertThat(unhealthy.statusCode()).isEqualTo(503);
    assertThat(unhealthy.body())
        .isEqualTo("{\"status\":\"unavailable\",\"database\":\"up\",\"commits\":\"failing\"}");
    assertThat(recovered.statusCode()).isEqualTo(200);
  }

  @Test
  void aClusterNodeWhoseBusIsDownIsUnavailableWithTheReason() throws Exception {
    AtomicBoolean busUp = new AtomicBoolean(false);
    URI base =
        start(
            new HealthChecks(() -> false, () -> true, () -> false, () -> Optional.of(busUp.get())),
            Optional.of(TOKEN));

    HttpResponse<String> unhealthy = get(base.resolve("/healthz"));
    busUp.set(true);
    HttpResponse<String> recovered = get(base.resolve("/healthz"));

    assertThat(unhealthy.statusCode()).isEqualTo(503);
    assertThat(unhealthy.body())
        .isEqualTo(
            "{\"status\":\"unavailable\",\"database\":\"up\",\"commits\":\"ok\","
                + "\"cluster_bus\":\"down\"}");
    assertThat(recovered.statusCode()).isEqualTo(200);
    assertThat(recovered.body()).contains("\"cluster_bus\":\"up\"");
  }

  @Test
  void aStoppingServerIsUnavailableWithoutAskingTheDatabase() throws Exception {
    URI base =
        start(
            new HealthChecks(
                () -> true,
                () -> {
                  throw new AssertionError("the database was asked");
                },
                () -> false),
            Optional.of(TOKEN));

    HttpResponse<String> response = get(base.resolve("/healthz"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"status\":\"unavailable\",\"server\":\"stopping\"}");
  }

  @Test
  void aDatabaseErrorMakesHealthUnavailableInsteadOfFailingTheRequest() throws Exception {
    URI base =
        start(
            () -> {
              throw new IllegalStateException("database gone");
            });

    HttpResponse<String> response = get(base.resolve("/healthz"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("database gone");
  }

  @Test
  void metricsAreInThePrometheusTextFormat() throws Exception {
    registry.counter("chatterlink.test.events").increment(3);
    URI base = start(() -> true);

    HttpResponse<String> response = get(base.resolve("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(OperationsHandler.PROMETHEUS_TEXT);
    assertThat(response.body()).contains("chatterlink_test_events_total 3.0");
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    URI base = start(() -> true);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void everyOtherPathGoesToTheNextHandler() throws Exception {
    URI base = start(() -> true);

    HttpResponse<String> response = get(base.resolve("/healthz/more"));

    assertThat(response.statusCode()).isEqualTo(418);
  }

  @Test
  void metricsAreOffWithoutAToken() throws Exception {
    URI base = start(() -> true, Optional.empty());

    HttpResponse<String> response = get(base.resolve("/metrics"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("METRICS_TOKEN");
  }

  @Test
  void metricsWithoutTheRightBearerTokenAreRefused() throws Exception {
    URI base = start(() -> true);

    HttpResponse<String> none = get(base.resolve("/metrics"), Optional.empty());
    HttpResponse<String> wrong = get(base.resolve("/metrics"), Optional.of("Bearer nope"));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("chatterlink");
  }

  private URI start(BooleanSupplier databaseAnswers) {
    return start(databaseAnswers, Optional.of(TOKEN));
  }

  private URI start(BooleanSupplier databaseAnswers, Optional<String> token) {
    return start(new HealthChecks(() -> false, databaseAnswers, () -> false), token);
  }

  private URI start(HealthChecks health, Optional<String> token) {
    OperationsHandler handler =
        new OperationsHandler(
            exchange -> exchange.setStatusCode(418), health, registry::scrape, token, pool);
    server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return get(uri, Optional.of("Bearer " + TOKEN));
  }

  private HttpResponse<String> get(URI uri, Optional<String> authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    authorization.ifPresent(a -> request.header("Authorization", a));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
