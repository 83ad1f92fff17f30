package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One origin rule for HTTP and WebSocket, pinned across both on a real server with and without
 * {@code ALLOWED_ORIGINS}. Before, setting the variable made the WebSocket refuse the server's own
 * page (403) while HTTP accepted it.
 */
class OriginPolicyIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path plainDir;
  @TempDir static Path extraDir;
  private static ChatServer plain;
  private static ChatServer withExtra;

  @BeforeAll
  static void startServers() {
    plain = TestServers.start(plainDir, Map.of());
    withExtra = TestServers.start(extraDir, Map.of("ALLOWED_ORIGINS", "https://chat.example.org"));
  }

  @AfterAll
  static void stopServers() {
    plain.close();
    withExtra.close();
  }

  @ParameterizedTest(name = "{0} on a server with extras={1}: allowed={2}")
  @CsvSource({
    "SELF,                     false, true",
    "SELF,                     true,  true",
    "https://chat.example.org, false, false",
    "https://chat.example.org, true,  true",
    "http://evil.example,      false, false",
    "http://evil.example,      true,  false",
    "null,                     true,  false",
  })
  void httpAndWebSocketAgreeOnEveryOrigin(String origin, boolean extras, boolean allowed) {
    ChatServer server = extras ? withExtra : plain;
    Browserless agent = new Browserless(server.uri());
    agent.register(unique(), "correct horse battery");
    String sent = origin.equals("SELF") ? agent.origin() : origin;

    int httpStatus =
        agent
            .postFrom(
                sent,
                "/api/rooms",
                JSON.createObjectNode().put("name", unique()).put("kind", "public"))
            .response()
            .statusCode();
    boolean socketOpened = opens(agent, sent);

    assertThat(httpStatus != 403).as("HTTP allowed").isEqualTo(allowed);
    assertThat(socketOpened).as("WebSocket allowed").isEqualTo(allowed);
  }

  private static boolean opens(Browserless agent, String origin) {
    try (SocketClient socket = SocketClient.open(agent, origin).join()) {
      return socket.hello().path("type").asText().equals("hello");
    } catch (CompletionException refused) {
      return false;
    }
  }

  private static String unique() {
    return "u" + Long.toString(System.nanoTime(), 36);
  }
}
