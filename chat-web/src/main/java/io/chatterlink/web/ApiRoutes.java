package io.chatterlink.web;

import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.port.in.ManageAccounts;
import io.undertow.io.Receiver;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingReadTimeoutHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * The {@code /api/} router. A route's JSON body is read without blocking, on the I/O thread and
 * against a deadline, and only then does the endpoint run, in blocking mode, on the bounded
 * endpoint pool: a client that stalls its body holds no thread. An upload route streams its body on
 * the upload pool instead, under a read timeout and a minimum pace. Every request counts against
 * its client address's cap while it is in progress. Routes that change state have CSRF checked
 * first, and failures become JSON errors. Unknown paths and methods get JSON errors too, never the
 * HTML of the UI.
 */
final class ApiRoutes {
  private final RoutingHandler router = new RoutingHandler(false);
  private final Json json;
  private final ErrorResponses errors;
  private final CsrfGuard csrf;
  private final ManageAccounts accounts;
  private final RequestLimits limits;
  private final RequestPools pools;
  private final AddressGate gate;

  ApiRoutes(
      Json json,
      ErrorResponses errors,
      CsrfGuard csrf,
      ManageAccounts accounts,
      RequestLimits limits,
      RequestPools pools) {
    this.json = json;
    this.errors = errors;
    this.csrf = csrf;
    this.accounts = accounts;
    this.limits = limits;
    this.pools = pools;
    this.gate = new AddressGate(limits.maxRequestsPerAddress());
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

  /** A POST route whose endpoint streams the body itself (an upload) on the upload pool. */
  ApiRoutes upload(String template, Endpoint endpoint) {
    HttpHandler streaming =
        exchange -> admit(exchange, () -> runOn(exchange, endpoint, Optional.empty(), true));
    router.add(
        Methods.POST,
        template,
        BlockingReadTimeoutHandler.builder()
            .readTimeout(limits.uploadIdleTimeout())
            .nextHandler(streaming)
            .build());
    return this;
  }

  HttpHandler handler() {
    return router;
  }

  private ApiRoutes add(HttpString method, String template, Endpoint endpoint) {
    HttpHandler handler = exchange -> admit(exchange, () -> readBodyThenRun(exchange, endpoint));
    router.add(method, template, handler);
    if (method.equals(Methods.GET)) {
      router.add(Methods.HEAD, template, handler);
    }
    return this;
  }

  /** Counts the request against its address until the exchange completes, or refuses it. */
  private void admit(HttpServerExchange exchange, Runnable next) {
    InetSocketAddress source = exchange.getSourceAddress();
    String address = source == null ? "unknown" : source.getHostString();
    if (!gate.tryEnter(address)) {
      exchange.setPersistent(false);
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
      errors.send(
          exchange,
          ErrorCode.RATE_LIMITED,
          "too many requests in progress from your address (at most "
              + limits.maxRequestsPerAddress()
              + ")");
      return;
    }
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          gate.leave(address);
          nextListener.proceed();
        });
    next.run();
  }

  /** On the I/O thread: collects the JSON body without blocking, then runs the endpoint. */
  private void readBodyThenRun(HttpServerExchange exchange, Endpoint endpoint) {
    if (exchange.getRequestContentLength() == 0 || !exchange.isRequestChannelAvailable()) {
      runOn(exchange, endpoint, Optional.of(new byte[0]), false);
      return;
    }
    XnioExecutor.Key deadline =
        exchange
            .getIoThread()
            .executeAfter(
                () -> bodyTimedOut(exchange),
                limits.jsonBodyTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    exchange.setMaxEntitySize(json.maxBodyBytes() + 1L);
    Receiver receiver = exchange.getRequestReceiver();
    receiver.setMaxBufferSize(json.maxBodyBytes());
    receiver.receiveFullBytes(
        (ex, body) -> {
          deadline.remove();
          runOn(ex, endpoint, Optional.of(body), false);
        },
        (ex, failure) -> {
          deadline.remove();
          ex.setPersistent(false);
          if (failure instanceof Receiver.RequestToLargeException) {
            errors.send(ex, failure);
          } else {
            // The client closed or broke the connection mid-body: nobody is left to answer.
            IoUtils.safeClose(ex.getConnection());
          }
        });
  }

  private void bodyTimedOut(HttpServerExchange exchange) {
    if (exchange.isComplete() || exchange.isResponseStarted()) {
      return;
    }
    exchange.setPersistent(false);
    errors.send(
        exchange,
        408,
        "request_timeout",
        "the request body did not arrive within " + limits.jsonBodyTimeout().toSeconds() + " s");
  }

  /** Hands the endpoint to its pool; a full pool answers 503 at once. */
  private void runOn(
      HttpServerExchange exchange, Endpoint endpoint, Optional<byte[]> body, boolean upload) {
    HttpHandler blocking = ex -> runBlocking(ex, endpoint, body, upload);
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () -> {
          Runnable task = () -> Connectors.executeRootHandler(blocking, exchange);
          boolean queued = upload ? pools.runUpload(task) : pools.runEndpoint(task);
          if (!queued) {
            exchange.setPersistent(false);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            errors.send(exchange, 503, ErrorCode.UNAVAILABLE, "the server is busy, try again");
          }
        });
  }

  private void runBlocking(
      HttpServerExchange exchange, Endpoint endpoint, Optional<byte[]> body, boolean upload) {
    if (upload) {
      exchange.startBlocking(
          new PacedBlockingExchange(
              exchange, limits.minUploadBytesPerSecond(), limits.uploadRateGrace()));
    } else {
      exchange.startBlocking();
    }
    try {
      if (CsrfGuard.changesState(exchange)) {
        csrf.check(exchange);
      }
      endpoint.handle(new Call(exchange, json, accounts, body));
    } catch (Exception e) {
      errors.send(exchange, e);
    }
  }
}
