package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.app.ChatServer;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the server answers what was asked (503 for what could not finish in the grace), tells
 * every socket "going away" (1001) after the frames queued for it, says "unavailable" on {@code
 * /healthz} from the first moment, frees the port, ends in bounded time, and does nothing the
 * second time.
 */
class GracefulShutdownIT {
  /** Far beyond the grace (2 s) plus {@link ChatServer#SHUTDOWN_OVERRUN}: only "it does end". */
  private static final long CLOSE_BOUND_SECONDS = 60;

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

  @Test
  void aSendStuckInACommitBeyondTheGraceIsAnswered503BeforeTheSocketClosesWith1001()
      throws Exception {
    ChatServer server = TestServers.start(dataDir, Map.of());
    Browserless alice = new Browserless(server.uri());
    alice.register("alice", "shutdown password 2");
    String room = createRoom(alice);
    SocketClient socket = SocketClient.connect(alice);
    try (Connection outside =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("chatterlink.db"))) {
      try (Statement lock = outside.createStatement()) {
        lock.execute("BEGIN EXCLUSIVE");
      }
      // The commit now waits out SQLite's busy timeout (10 s), far beyond the grace (2 s).
      String stuck = socket.sendOnly("send", send(room, "stuck"));
      Thread.sleep(1_500);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      HttpResponse<String> health = firstUnhealthyAnswer(alice, closing);

      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).isEqualTo("{\"status\":\"unavailable\",\"server\":\"stopping\"}");
      JsonNode reply = socket.replyTo(stuck);
      assertThat(reply.path("code").asInt()).isEqualTo(503);
      assertThat(reply.path("message").asText()).contains("before this request completed");
      assertThat(socket.closeCode()).isEqualTo(1001);
      closing.get(CLOSE_BOUND_SECONDS, TimeUnit.SECONDS);
      try (Statement unlock = outside.createStatement()) {
        unlock.execute("ROLLBACK");
      }
    } finally {
      socket.close();
      server.close();
    }
  }

  @Test
  void busySocketsGetTheirQueuedFramesAndThen1001() throws Exception {
    ChatServer server =
        TestServers.start(
            dataDir, Map.of("WS_REQUESTS_PER_SECOND", "10000", "WS_REQUEST_BURST", "10000"));
    Browserless alice = new Browserless(server.uri());
    alice.register("alice", "shutdown password 3");
    String room = createRoom(alice);
    List<SocketClient> listeners = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      SocketClient listener = SocketClient.connect(alice);
      listener.request(
          "subscribe", Browserless.JSON.createObjectNode().put("room", room).put("afterSeq", 0));
      listeners.add(listener);
    }
    SocketClient sender = SocketClient.connect(alice);
    List<String> sends = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sends.add(sender.sendOnly("send", send(room, "busy " + i)));
    }
    assertThat(sender.replyTo(sends.get(0)).path("code").asInt()).isEqualTo(200);

    server.close();

    // Replies come in order; those of requests read after the close was queued never come.
    for (String id : sends.subList(1, sends.size())) {
      JsonNode reply;
      try {
        reply = sender.replyTo(id);
      } catch (AssertionError closedBeforeIt) {
        break;
      }
      assertThat(reply.path("code").asInt()).as("send %s", id).isIn(200, 503);
    }
    assertThat(sender.closeCode()).isEqualTo(1001);
    for (SocketClient listener : listeners) {
      assertThat(listener.closeCode()).isEqualTo(1001);
      listener.close();
    }
    sender.close();
  }

  /** Polls {@code /healthz} while {@code closing} runs; the first answer that is not 200. */
  private static HttpResponse<String> firstUnhealthyAnswer(
      Browserless agent, CompletableFuture<Void> closing) {
    while (!closing.isDone()) {
      HttpResponse<String> response = agent.get("/healthz").response();
      if (response.statusCode() != 200) {
        return response;
      }
    }
    throw new AssertionError("the server closed without /healthz ever saying so");
  }

  private static String createRoom(Browserless owner) {
    return owner
        .post(
            "/api/rooms",
            Browserless.JSON.createObjectNode().put("name", "r").put("kind", "private"))
        .requireStatus(201)
        .json()
        .path("room")
        .path("id")
        .asText();
  }

  private static ObjectNode send(String room, String text) {
    return Browserless.JSON
        .createObjectNode()
        .put("room", room)
        .put("clientMessageId", "c-" + UUID.randomUUID())
        .put("text", text);
  }
}
