package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.app.ChatServer;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.persistence.JooqStorage;
import io.chatterlink.persistence.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Messages sent through the running server never reach the disk or the log in plain text: the
 * SQLite file and its write-ahead log hold Fernet tokens only, and those tokens do decrypt to the
 * messages (so the canary really was stored, encrypted).
 */
class PlaintextAtRestIT {
  private static final String CANARY = "CANARY-7f3e9b2a-plaintext-must-not-leak";
  private static final String PASSWORD = "canary password 4815162342";
  private static final int MESSAGES = 20;

  @TempDir Path dataDir;

  @Test
  void aCanarySentThroughTheServerAppearsNowhereOnDiskNorInTheLog() throws IOException {
    ListAppender<ILoggingEvent> log = captureEveryLogLine();
    Path db = dataDir.resolve("chatterlink.db");
    Path wal = dataDir.resolve("chatterlink.db-wal");
    try (ChatServer server = TestServers.start(dataDir, Map.of())) {
      Browserless alice = new Browserless(server.uri());
      alice.register("alice", PASSWORD);
      String room =
          alice
              .post(
                  "/api/rooms",
                  Browserless.JSON.createObjectNode().put("name", "vault").put("kind", "private"))
              .requireStatus(201)
              .json()
              .path("room")
              .path("id")
              .asText();
      try (SocketClient socket = SocketClient.connect(alice)) {
        String firstId = "";
        for (int i = 0; i < MESSAGES; i++) {
          JsonNode ack =
              socket.request(
                  "send",
                  Browserless.JSON
                      .createObjectNode()
                      .put("room", room)
                      .put("clientMessageId", "c-" + i)
                      .put("text", "secret " + i + " " + CANARY));
          assertThat(ack.path("code").asInt()).as("%s", ack).isEqualTo(200);
          firstId = i == 0 ? ack.path("data").path("messageId").asText() : firstId;
        }
        socket.request(
            "edit",
            Browserless.JSON
                .createObjectNode()
                .put("messageId", firstId)
                .put("text", "edited " + CANARY));
      }

      assertThat(Files.exists(wal)).as("the write-ahead log exists while the server runs").isTrue();
      assertCanaryAbsent(db);
      assertCanaryAbsent(wal);
    } finally {
      stopCapturing(log);
    }
    assertCanaryAbsent(db);
    if (Files.exists(wal)) {
      assertCanaryAbsent(wal);
    }
    assertStoredBodiesAreFernetTokensOfTheMessages(db);
    for (ILoggingEvent event : log.list) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(line).doesNotContain(CANARY).doesNotContain(PASSWORD);
    }
    assertThat(log.list).as("the log was captured").isNotEmpty();
  }

  private void assertStoredBodiesAreFernetTokensOfTheMessages(Path db) throws IOException {
    MessageCipher cipher =
        ChatCrypto.cipherFromSetting(Files.readString(dataDir.resolve("fernet.key")).strip());
    try (JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + db))) {
      List<BodyRecord> bodies = storage.messages().bodiesAfter(Optional.empty(), 1000);
      assertThat(bodies).hasSizeGreaterThanOrEqualTo(MESSAGES);
      for (BodyRecord record : bodies) {
        EncryptedBody body = record.body();
        // A Fernet token: version byte 0x80, URL-safe base64, so it starts with "gAAAAA".
        assertThat(body.token()).startsWith("gAAAAA").doesNotContain(CANARY);
        assertThat(cipher.decrypt(body)).contains(CANARY);
      }
    }
  }

  private static void assertCanaryAbsent(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).as("%s has content", file).isPositive();
    for (byte[] needle :
        List.of(
            CANARY.getBytes(StandardCharsets.UTF_8),
            CANARY.getBytes(StandardCharsets.UTF_16LE),
            CANARY.getBytes(StandardCharsets.UTF_16BE))) {
      assertThat(indexOf(bytes, needle)).as("canary in %s", file).isEqualTo(-1);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static ListAppender<ILoggingEvent> captureEveryLogLine() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    ((Logger) LoggerFactory.getLogger("io.chatterlink")).setLevel(Level.DEBUG);
    return appender;
  }

  private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger("io.chatterlink")).setLevel(null);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
  }
}
