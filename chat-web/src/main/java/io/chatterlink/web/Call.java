package io.chatterlink.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotAuthenticatedException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageAccounts.AuthenticatedUser;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.Optional;

/**
 * One API request as an endpoint sees it: the caller (resolved from the session cookie), path and
 * query parameters, the JSON body, and ways to answer. Runs on a worker thread in blocking mode.
 */
final class Call {
  private final HttpServerExchange exchange;
  private final Json json;
  private final ManageAccounts accounts;
  private final Optional<byte[]> body;
  private Optional<AuthenticatedUser> caller;

  /**
   * @param body the request body, already read in full; empty for a route that streams its body
   *     itself (an upload)
   */
  Call(HttpServerExchange exchange, Json json, ManageAccounts accounts, Optional<byte[]> body) {
    this.exchange = exchange;
    this.json = json;
    this.accounts = accounts;
    this.body = body;
  }

  HttpServerExchange exchange() {
    return exchange;
  }

  /** The signed-in user, if the session cookie names a live session. */
  Optional<AuthenticatedUser> caller() {
    if (caller == null) {
      caller = Cookies.sessionToken(exchange).flatMap(accounts::authenticate);
    }
    return caller;
  }

  /**
   * @throws NotAuthenticatedException when nobody is signed in
   */
  AuthenticatedUser signedIn() {
    return caller().orElseThrow(() -> new NotAuthenticatedException("log in first"));
  }

  UserId actor() {
    return signedIn().user().id();
  }

  /**
   * A path parameter of the route template, e.g. {@code {room}}; read from the route match, never
   * from the query string, so {@code ?room=...} cannot stand in for it.
   */
  String path(String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String value = match == null ? null : match.getParameters().get(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(name + " is missing");
    }
    return value;
  }

  Optional<String> query(String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  Optional<Long> queryNumber(String name) {
    Optional<String> value = query(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number");
    }
  }

  /** The request body as a JSON object; requires the JSON content type. */
  ObjectNode body() throws IOException {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    boolean hasBody = exchange.getRequestContentLength() != 0;
    if (hasBody
        && (type == null
            || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
      throw new InvalidInputException("send the request body as application/json");
    }
    return json.readObject(
        body.orElseThrow(() -> new IllegalStateException("this route streams its body")));
  }

  ObjectNode object() {
    return json.object();
  }

  void ok(JsonNode body) {
    respond(200, body);
  }

  void created(JsonNode body) {
    respond(201, body);
  }

  void noContent() {
    exchange.setStatusCode(204);
    exchange.endExchange();
  }

  void respond(int status, JsonNode body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(ByteBuffer.wrap(json.write(body)));
  }
}
