package io.chatterlink.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open WebSocket connections from the HTTP side: a request answered with 101 Switching
 * Protocols became a socket, and the socket is gone when its TCP connection closes. Wraps the
 * transport's handler, so it needs nothing from the transport itself.
 */
final class ConnectionGauge implements HttpHandler {
  private final HttpHandler next;
  private final AtomicInteger open = new AtomicInteger();
  private final Counter opened;

  ConnectionGauge(HttpHandler next, MeterRegistry registry) {
    this.next = next;
    Gauge.builder("chatterlink.websocket.connections", open, AtomicInteger::get)
        .description("WebSocket connections open now")
        .register(registry);
    this.opened =
        Counter.builder("chatterlink.websocket.connections.opened")
            .description("WebSocket connections accepted since the start")
            .register(registry);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addExchangeCompleteListener(
        (done, nextListener) -> {
          if (done.getStatusCode() == StatusCodes.SWITCHING_PROTOCOLS) {
            open.incrementAndGet();
            opened.increment();
            done.getConnection().addCloseListener(connection -> socketClosed());
          }
          nextListener.proceed();
        });
    next.handleRequest(exchange);
  }

  private void socketClosed() {
    open.decrementAndGet();
    synchronized (this) {
      notifyAll();
    }
  }

  /** Sockets open now. */
  int open() {
    return open.get();
  }

  /**
   * Waits until every socket's TCP connection has closed, or the deadline ({@link
   * System#nanoTime()}) has passed.
   *
   * @return true if none is open
   */
  synchronized boolean awaitAllClosed(long deadlineNanos) throws InterruptedException {
    while (open.get() > 0) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
