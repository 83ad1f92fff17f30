package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every response of the whole server carries the security headers, including those that chat-web
 * does not make: health, metrics, WebSocket refusals. Requests are written by hand on a raw socket
 * so that nothing between the test and the server adds or drops a header.
 */
class SecurityHeadersIT {
  @TempDir static Path dataDir;
  private static ChatServer server;

  @BeforeAll
  static void start() {
    server = TestServers.start(dataDir, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "health            | GET /healthz HTTP/1.1\\r\\n                                 | 200",
        "metrics, no token | GET /metrics HTTP/1.1\\r\\n                                 | 401",
        "page              | GET / HTTP/1.1\\r\\n                                        | 200",
        "API error         | GET /api/nothing HTTP/1.1\\r\\n                             | 404",
        "upgrade, no session | GET /ws HTTP/1.1\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n | 401",
        "upgrade, foreign origin | GET /ws HTTP/1.1\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
            + "Origin: http://evil.example\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n"
            + "Sec-WebSocket-Version: 13\\r\\n | 403",
      })
  void everyResponseCarriesTheContentSecurityPolicyAndNosniff(
      String what, String requestHead, int status) throws IOException {
    String head = requestHead.strip().replace("\\r\\n", "\r\n");
    String response = exchange(head + "Host: 127.0.0.1:" + server.port() + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 " + status + " ");
    String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(headers)
        .contains("x-content-type-options: nosniff")
        .containsPattern("content-security-policy: [^\\r]*object-src 'none'");
  }

  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      int b;
      while (seen.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
        seen.append((char) b);
      }
      return seen.toString();
    }
  }
}
