package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.app.ChatServer;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the server answers what was asked, tells every socket "going away" (1001), frees the
 * port, and does nothing the second time.
 */
class GracefulShutdownIT {
  @TempDir Path dataDir;

  @Test
  void closingTellsOpenSocketsTheServerIsGoingAwayFreesThePortAndIsIdempotent() throws Exception {
    ChatServer server = TestServers.start(dataDir, Map.of());
    Browserless alice = new Browserless(server.uri());
    alice.register("alice", "shutdown password 1");
    SocketClient socket = SocketClient.connect(alice);
    JsonNode rooms = socket.request("rooms");
    assertThat(rooms.path("code").asInt()).isEqualTo(200);
    assertThat(server.openConnections()).isEqualTo(1);

    server.close();
    server.close();

    assertThat(socket.closeCode()).isEqualTo(1001);
    Assertions.assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(server.uri().resolve("/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    socket.close();
  }
}
