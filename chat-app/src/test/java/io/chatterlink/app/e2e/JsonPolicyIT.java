package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import io.chatterlink.core.policy.JsonPolicy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One JSON policy for HTTP bodies and WebSocket frames: the same table of documents goes through
 * both, and each is accepted or refused (400) by both alike. Before, a repeated key was accepted
 * (last one won) and a second object after the first was silently dropped.
 */
class JsonPolicyIT {
  @TempDir static Path dataDir;
  private static ChatServer server;
  private static Browserless alice;
  private static SocketClient socket;

  @BeforeAll
  static void start() {
    server = TestServers.start(dataDir, Map.of("WS_REQUESTS_PER_SECOND", "1000"));
    alice = new Browserless(server.uri());
    alice.register("alice", "correct horse battery");
    socket = SocketClient.connect(alice);
    socket.hello();
  }

  @AfterAll
  static void stop() {
    socket.close();
    server.close();
  }

  static Stream<Arguments> documents() {
    // Inside the request object: one level less than the limit, then exactly one level more.
    int inner = JsonPolicy.MAX_NESTING_DEPTH - 1;
    String deep = "[".repeat(inner) + "]".repeat(inner);
    String tooDeep = "[".repeat(inner + 1) + "]".repeat(inner + 1);
    return Stream.of(
        Arguments.of("plain", "{%s}", true),
        Arguments.of("unknown field", "{%s, \"extra\": {\"a\": [1, 2]}}", true),
        Arguments.of("nesting at the limit", "{%s, \"extra\": " + deep + "}", true),
        Arguments.of("repeated key", "{%s, \"extra\": 1, \"extra\": 2}", false),
        Arguments.of("repeated key deep down", "{%s, \"x\": {\"a\": 1, \"a\": 2}}", false),
        Arguments.of("a second object after it", "{%s} {\"type\": \"ping\"}", false),
        Arguments.of("garbage after it", "{%s} x", false),
        Arguments.of("nesting over the limit", "{%s, \"extra\": " + tooDeep + "}", false),
        Arguments.of(
            "number over the limit",
            "{%s, \"extra\": " + "9".repeat(JsonPolicy.MAX_NUMBER_LENGTH + 1) + "}",
            false),
        Arguments.of(
            "name over the limit",
            "{%s, \"" + "n".repeat(JsonPolicy.MAX_NAME_LENGTH + 1) + "\": 1}",
            false),
        Arguments.of("not an object", "[{%s}]", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void httpAndWebSocketAcceptAndRefuseTheSameDocuments(
      String what, String template, boolean accepted) {
    int http =
        httpStatus(
            String.format(
                template, "\"name\": \"r" + System.nanoTime() + "\", \"kind\": \"public\""));
    int ws =
        socket
            .sendRaw(String.format(template, "\"id\": \"j1\", \"type\": \"ping\""))
            .path("code")
            .asInt();

    assertThat(http).as("HTTP").isEqualTo(accepted ? 201 : 400);
    assertThat(ws).as("WebSocket").isEqualTo(accepted ? 200 : 400);
  }

  private static int httpStatus(String body) {
    // A room creation: a JSON body on a state-changing route (CSRF token and Origin included).
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + "api/rooms"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return alice.sendWithCsrf(request).statusCode();
  }
}
