package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser-like client on the JDK's HttpClient: keeps cookies by hand (so tests can read their
 * attributes) and echoes the CSRF cookie in {@code X-CSRF-Token} unless told not to.
 */
final class WebClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One client per server: a pooled connection to a stopped server must never be reused for a new
   * server that happens to get the same ephemeral port.
   */
  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private final URI base;
  private final HttpClient http;
  final Map<String, String> cookies = new LinkedHashMap<>();
  boolean sendCsrf = true;

  WebClient(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** A response with its body as bytes and JSON helpers. */
  record Reply(HttpResponse<byte[]> raw) {
    int status() {
      return raw.statusCode();
    }

    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String error() {
      return json().path("error").asText();
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    byte[] bytes() {
      return raw.body();
    }
  }

  Reply get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  Reply post(String path, Object body, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json").POST(json(body)));
  }

  Reply patch(String path, Object body) {
    return send(
        request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  /** Uploads bytes as the raw body, with a Content-Length, or chunked without one. */
  Reply upload(String room, String name, String contentType, byte[] bytes, boolean chunked) {
    HttpRequest.BodyPublisher body =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    String query =
        "?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    return send(
        request("/api/rooms/" + room + "/attachments" + query)
            .header("Content-Type", contentType)
            .POST(body));
  }

  JsonNode register(String name, String password) {
    Reply reply = post("/api/register", Map.of("username", name, "password", password));
    assertThat(reply.status())
        .as("register %s: %s", name, new String(reply.bytes()))
        .isEqualTo(201);
    return reply.json().get("user");
  }

  JsonNode createRoom(String name, String kind) {
    Reply reply = post("/api/rooms", Map.of("name", name, "kind", kind));
    assertThat(reply.status()).as(new String(reply.bytes())).isEqualTo(201);
    return reply.json().get("room");
  }

  String userId() {
    return get("/api/me").json().at("/user/id").asText();
  }

  /** The headers this client's next request would carry: cookies and the CSRF token. */
  Map<String, String> authHeaders() {
    HttpRequest built = request("/").GET().build();
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    built.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
    return headers;
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (cookies.isEmpty()) {
      // Like a browser that has loaded the page: pick up the CSRF cookie first.
      send(HttpRequest.newBuilder(base.resolve("/api/config")).GET());
    }
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (k, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      builder.header("Cookie", header.toString());
    }
    if (sendCsrf && cookies.containsKey(Cookies.CSRF)) {
      builder.header(CsrfGuard.HEADER, cookies.get(Cookies.CSRF));
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        boolean expired =
            setCookie
                .toLowerCase(java.util.Locale.ROOT)
                .matches(".*(max-age=0|expires=thu, 01-jan-1970).*");
        if (expired || value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
