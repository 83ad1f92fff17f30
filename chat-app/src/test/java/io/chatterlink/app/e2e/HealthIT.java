package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} tells the truth about this node's commits: a database locked from outside makes
 * sends fail, and the health check says so (503, with the reason) and the log says so once; once
 * the lock is gone and a send commits, it is healthy again.
 */
class HealthIT {
  @TempDir Path dataDir;
  private final Logger persistenceLog =
      (Logger) LoggerFactory.getLogger("io.chatterlink.persistence");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.start();
    persistenceLog.addAppender(log);
    persistenceLog.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    persistenceLog.detachAppender(log);
    persistenceLog.setLevel(null);
  }

  @Test
  void aDatabaseLockedFromOutsideMakesHealthUnavailableWithTheReasonUntilCommitsWorkAgain()
      throws Exception {
    try (ChatServer server = TestServers.start(dataDir, Map.of())) {
      Browserless alice = new Browserless(server.uri());
      alice.register("alice", "health password 1");
      String room = createRoom(alice);
      try (SocketClient socket = SocketClient.connect(alice)) {
        assertThat(send(socket, room, "before").path("code").asInt()).isEqualTo(200);
        alice.get("/healthz").requireStatus(200);

        try (Connection outside =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("chatterlink.db"))) {
          try (Statement lock = outside.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
          }
          // The writer waits out SQLite's busy timeout (10 s), then the send fails.
          assertThat(send(socket, room, "while locked").path("code").asInt()).isEqualTo(503);

          Browserless.Reply health = alice.get("/healthz");
          assertThat(health.status()).isEqualTo(503);
          assertThat(health.json().path("status").asText()).isEqualTo("unavailable");
          assertThat(health.json().path("database").asText()).isEqualTo("up");
          assertThat(health.json().path("commits").asText()).isEqualTo("failing");
          try (Statement unlock = outside.createStatement()) {
            unlock.execute("ROLLBACK");
          }
        }

        assertThat(send(socket, room, "after").path("code").asInt()).isEqualTo(200);
        alice.get("/healthz").requireStatus(200);
      }
    }
    assertThat(log.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .startsWith("event=commits_failing failed_writes=1 ")
        .contains("SQLITE_BUSY");
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains("event=commits_recovered failed_writes=1");
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

  private static JsonNode send(SocketClient socket, String room, String text) {
    return socket.request(
        "send",
        Browserless.JSON
            .createObjectNode()
            .put("room", room)
            .put("clientMessageId", "c-" + UUID.randomUUID())
            .put("text", text));
  }
}
