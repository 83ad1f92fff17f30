package io.chatterlink.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One user agent over real HTTP, as a browser script would be: its own cookie jar, the CSRF token
 * echoed from the {@code chatterlink_csrf} cookie, and the page's {@code Origin}.
 */
final class Browserless {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final URI base;
  private final CookieManager cookies;
  private final HttpClient http;

  Browserless(URI base) {
    this(base, new CookieManager());
  }

  private Browserless(URI base, CookieManager cookies) {
    this.base = base;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(TIMEOUT).build();
  }

  /**
   * The same user agent, cookies and all, talking to another server: a load balancer sending the
   * next request to another node. The cookies are copied, as a browser keeps one jar per host.
   */
  Browserless at(URI otherBase) {
    CookieManager copy = new CookieManager();
    for (HttpCookie cookie : cookies.getCookieStore().get(base)) {
      copy.getCookieStore().add(otherBase, cookie);
    }
    return new Browserless(otherBase, copy);
  }

  /** Creates a room ({@code public} or {@code private}) and returns its id. */
  String createRoom(String name, String kind) {
    return post("/api/rooms", JSON.createObjectNode().put("name", name).put("kind", kind))
        .requireStatus(201)
        .json()
        .path("room")
        .path("id")
        .asText();
  }

  /** A DELETE with the CSRF token. */
  Reply delete(String path) {
    return send(withCsrf(HttpRequest.newBuilder(base.resolve(path))).DELETE());
  }

  URI base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  /** The page's origin, as a browser sends it. */
  String origin() {
    return base.getScheme() + "://" + base.getAuthority();
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().get(base).stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Registers (which also logs in) and returns the user's id. */
  String register(String username, String password) {
    Reply reply =
        post(
            "/api/register",
            JSON.createObjectNode().put("username", username).put("password", password));
    reply.requireStatus(201);
    return reply.json().path("user").path("id").asText();
  }

  Reply logIn(String username, String password) {
    return post(
        "/api/login", JSON.createObjectNode().put("username", username).put("password", password));
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A GET with extra headers, given as name, value, name, value... */
  Reply get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  Reply post(String path, ObjectNode body) {
    return send(
        withCsrf(HttpRequest.newBuilder(base.resolve(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A POST with the CSRF token, as if sent by a page of {@code origin}. */
  Reply postFrom(String origin, String path, ObjectNode body) {
    return send(
        withCsrf(HttpRequest.newBuilder(base.resolve(path)))
            .setHeader("Origin", origin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Sends a request of the caller's making with the CSRF token and this page's Origin. */
  HttpResponse<String> sendWithCsrf(HttpRequest.Builder request) {
    return send(withCsrf(request)).response();
  }

  /** A POST as a naive client would make it: no CSRF header. */
  Reply postWithoutCsrfToken(String path, ObjectNode body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Reply upload(String roomId, String fileName, String contentType, byte[] bytes) {
    return upload(roomId, fileName, contentType, HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  /**
   * An upload whose length the client does not announce: a body read from a stream goes out with
   * {@code Transfer-Encoding: chunked} and no {@code Content-Length}.
   */
  Reply uploadChunked(String roomId, String fileName, String contentType, byte[] bytes) {
    return upload(
        roomId,
        fileName,
        contentType,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
  }

  private Reply upload(
      String roomId, String fileName, String contentType, HttpRequest.BodyPublisher body) {
    String path =
        "/api/rooms/"
            + roomId
            + "/attachments?name="
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    return send(
        withCsrf(HttpRequest.newBuilder(base.resolve(path)))
            .header("Content-Type", contentType)
            .POST(body));
  }

  HttpResponse<byte[]> download(String path) {
    return download(HttpRequest.newBuilder(base.resolve(path)));
  }

  /** A download of one byte range, as a video player seeking asks for it. */
  HttpResponse<byte[]> download(String path, String range) {
    return download(HttpRequest.newBuilder(base.resolve(path)).header("Range", range));
  }

  private HttpResponse<byte[]> download(HttpRequest.Builder request) {
    ensureCsrfCookie();
    try {
      return http.send(
          request.timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    ensureCsrfCookie();
    return request
        .header("X-CSRF-Token", cookie("chatterlink_csrf").orElseThrow())
        .header("Origin", origin());
  }

  /** Any response hands out the CSRF cookie; the UI's first page load does this. */
  private void ensureCsrfCookie() {
    if (cookie("chatterlink_csrf").isEmpty()) {
      send(HttpRequest.newBuilder(base.resolve("/api/config")).GET());
    }
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP response with its JSON body. */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    JsonNode json() {
      try {
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + response.body(), e);
      }
    }

    Reply requireStatus(int expected) {
      if (response.statusCode() != expected) {
        throw new AssertionError(
            response.request().method()
                + " "
                + response.uri().getPath()
                + " answered "
                + response.statusCode()
                + " (expected "
                + expected
                + "): "
                + response.body());
      }
      return this;
    }
  }
}
