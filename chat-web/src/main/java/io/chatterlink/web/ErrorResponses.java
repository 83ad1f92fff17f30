package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.error.RateLimitedException;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.channels.ReadTimeoutException;

/**
 * Turns failures into the JSON error body {@code {"error": code, "message": text}} with the code's
 * HTTP status. Core messages are safe to show (the core promises it); anything unexpected becomes a
 * bare {@code internal} error and is logged without request data.
 */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private final Json json;

  ErrorResponses(Json json) {
    this.json = json;
  }

  void send(HttpServerExchange exchange, Throwable failure) {
    if (failure instanceof ChatException) {
      ChatException e = (ChatException) failure;
      if (e instanceof RetryLaterException) {
        exchange
            .getResponseHeaders()
            .put(Headers.RETRY_AFTER, Long.toString(((RetryLaterException) e).retryAfterSeconds()));
      } else if (e instanceof RateLimitedException) {
        // The core's limits say when a retry can succeed, in whole seconds rounded up.
        ((RateLimitedException) e)
            .retryAfter()
            .ifPresent(
                wait ->
                    exchange
                        .getResponseHeaders()
                        .put(
                            Headers.RETRY_AFTER,
                            Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
      }
      send(exchange, e.code(), e.getMessage());
    } else if (tooSlow(failure)) {
      // A client that stalls its body gets a short answer and loses the connection; nothing of
      // its request was acted on.
      exchange.setPersistent(false);
      send(exchange, 408, "request_timeout", "the request body arrived too slowly");
    } else if (failure instanceof RequestTooBigException
        || failure instanceof Receiver.RequestToLargeException) {
      // Undertow's own entity limit tripped before ours; the rest of the body is not read.
      exchange.setPersistent(false);
      send(exchange, ErrorCode.LIMIT_EXCEEDED, "the request body is too large");
    } else {
      LOG.error(
          "unexpected failure on {} {}",
          exchange.getRequestMethod(),
          exchange.getRequestPath(),
          failure);
      send(exchange, ErrorCode.INTERNAL, "unexpected server error");
    }
  }

  /** True for a body that stalled (read timeout) or crawled (under the minimum pace). */
  static boolean tooSlow(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ReadTimeoutException || t instanceof PacedInputStream.BodyTooSlowException) {
        return true;
      }
    }
    return false;
  }

  void send(HttpServerExchange exchange, ErrorCode code, String message) {
    send(exchange, code.httpStatus(), code, message);
  }

  /** An error with a status other than the code's own (405 for a wrong method). */
  void send(HttpServerExchange exchange, int status, ErrorCode code, String message) {
    send(exchange, status, code.code(), message);
  }

  /**
   * An error of this HTTP layer that the core has no code for ({@code request_timeout}, {@code
   * busy}).
   */
  void send(HttpServerExchange exchange, int status, String code, String message) {
    if (exchange.isResponseStarted()) {
      exchange.endExchange();
      return;
    }
    ObjectNode body = json.object().put("error", code).put("message", message);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(ByteBuffer.wrap(json.write(body)));
  }
}
