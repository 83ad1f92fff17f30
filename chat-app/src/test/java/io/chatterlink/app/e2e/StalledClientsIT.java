package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The black-box finding, replayed against the whole server: sixteen unauthenticated connections
 * that send a login header announcing 100 bytes, one byte of body, and then nothing. Before, they
 * took every worker thread and the server stopped answering anything, {@code /healthz} included,
 * until they closed. Now the server answers pages, the API, health and WebSocket upgrades while
 * they hang, and then cuts them off.
 */
class StalledClientsIT {
  private static final int STALLED = 16;

  @TempDir Path dataDir;
  private ChatServer server;
  private final List<Socket> stalled = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = TestServers.start(dataDir, Map.of());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : stalled) {
      socket.close();
    }
    server.close();
  }

  @Test
  void sixteenHalfSentBodiesLeaveHealthTheApiAndWebSocketsAnswering() throws IOException {
    for (int i = 0; i < STALLED; i++) {
      stalled.add(stalledLogin());
    }

    Browserless alice = new Browserless(server.uri());
    assertThat(alice.get("/healthz").response().statusCode()).isEqualTo(200);
    assertThat(alice.get("/").response().statusCode()).isEqualTo(200);
    alice.register("alice", "correct horse battery");
    assertThat(alice.get("/api/me").response().statusCode()).isEqualTo(200);
    try (SocketClient socket = SocketClient.connect(alice)) {
      assertThat(socket.hello().path("type").asText()).isEqualTo("hello");
    }
  }

  private Socket stalledLogin() throws IOException {
    Socket socket = new Socket(server.uri().getHost(), server.port());
    socket.setSoTimeout(15_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }
}
