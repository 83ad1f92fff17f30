package io.chatterlink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of a run, done as a browser would: fetch a CSRF cookie, register (which logs in and
 * sets the session cookie), create and join public rooms, each state change carrying the CSRF
 * cookie's value in {@code X-CSRF-Token}.
 */
final class HttpSetup {
  static final String SESSION_COOKIE = "chatterlink_session";
  static final String CSRF_COOKIE = "chatterlink_csrf";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI server;
  private final ObjectMapper json;

  HttpSetup(HttpClient http, URI server, ObjectMapper json) {
    this.http = http;
    this.server = server;
    this.json = json;
  }

  /** A logged-in account: the cookies its requests and WebSocket upgrades present. */
  record Account(String username, String csrf, String session) {
    String cookieHeader() {
      return CSRF_COOKIE + "=" + csrf + "; " + SESSION_COOKIE + "=" + session;
    }
  }

  /**
   * Registers {@code username} and returns its session.
   *
   * @throws IOException when the server refuses (registration closed, name taken) or is down
   */
  Account register(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> config = send(HttpRequest.newBuilder(server.resolve("/api/config")).GET());
    String csrf =
        cookie(config, CSRF_COOKIE)
            .orElseThrow(
                () -> new IOException("GET /api/config set no " + CSRF_COOKIE + " cookie"));
    String body = json.writeValueAsString(Map.of("username", username, "password", password));
    HttpResponse<String> registered =
        send(post("/api/register", CSRF_COOKIE + "=" + csrf, csrf, body));
    expectSuccess(registered, "register " + username);
    String session =
        cookie(registered, SESSION_COOKIE)
            .orElseThrow(() -> new IOException("registering set no " + SESSION_COOKIE + " cookie"));
    return new Account(username, csrf, session);
  }

  /** Creates a public room owned by {@code owner}; returns its id. */
  String createRoom(Account owner, String name) throws IOException, InterruptedException {
    String body = json.writeValueAsString(Map.of("name", name, "kind", "public"));
    HttpResponse<String> created =
        send(post("/api/rooms", owner.cookieHeader(), owner.csrf(), body));
    expectSuccess(created, "create room " + name);
    JsonNode id = json.readTree(created.body()).path("room").path("id");
    if (!id.isTextual()) {
      throw new IOException("POST /api/rooms answered without room.id");
    }
    return id.asText();
  }

  /** Makes {@code member} a member of the public room {@code roomId}. */
  void joinRoom(Account member, String roomId) throws IOException, InterruptedException {
    HttpResponse<String> joined =
        send(post("/api/rooms/" + roomId + "/join", member.cookieHeader(), member.csrf(), "{}"));
    expectSuccess(joined, "join room " + roomId);
  }

  private HttpRequest.Builder post(String path, String cookies, String csrf, String body) {
    return HttpRequest.newBuilder(server.resolve(path))
        .header("Cookie", cookies)
        .header("X-CSRF-Token", csrf)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expectSuccess(HttpResponse<String> response, String what) throws IOException {
    if (response.statusCode() / 100 != 2) {
      String body = response.body();
      throw new IOException(
          what
              + " failed: HTTP "
              + response.statusCode()
              + " "
              + body.substring(0, Math.min(200, body.length())));
    }
  }

  /** The value a response sets for cookie {@code name}, from its {@code Set-Cookie} headers. */
  static Optional<String> cookie(HttpResponse<?> response, String name) {
    return cookie(response.headers().allValues("Set-Cookie"), name);
  }

  static Optional<String> cookie(List<String> setCookieHeaders, String name) {
    for (String header : setCookieHeaders) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
        return Optional.of(pair.substring(eq + 1).trim());
      }
    }
    return Optional.empty();
  }
}
