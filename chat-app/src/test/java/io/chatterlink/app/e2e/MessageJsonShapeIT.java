package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.app.ChatServer;
import io.chatterlink.app.InProcessCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message JSON shape (docs/protocol.md section 3.1) across the three places that write it: the
 * WebSocket protocol, the HTTP API and the {@code export} command. The same stored message, with an
 * attachment, a reply and an edit, read through all three, has the same fields with the same
 * values.
 */
class MessageJsonShapeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void theWebSocketTheHttpApiAndTheExportWriteAStoredMessageAlike() {
    JsonNode overSocket;
    JsonNode overHttp;
    String room;
    String messageId;
    String attachmentId;
    String questionId;
    ChatServer server = TestServers.start(dataDir, Map.of());
    try {
      Browserless alice = new Browserless(server.uri());
      alice.register("alice", "correct horse battery");
      room = alice.createRoom("general", "public");
      attachmentId =
          alice
              .upload(room, "sunset.png", "image/png", TestServers.png(8, 6))
              .requireStatus(201)
              .json()
              .path("attachment")
              .path("id")
              .asText();
      try (SocketClient socket = SocketClient.connect(alice)) {
        questionId = socket.send(room, "the question").path("data").path("messageId").asText();
        ObjectNode answer =
            JSON.createObjectNode()
                .put("room", room)
                .put("clientMessageId", "c-answer")
                .put("text", "the answer")
                .put("replyTo", questionId);
        answer.putArray("attachments").add(attachmentId);
        messageId = socket.request("send", answer).path("data").path("messageId").asText();
        JsonNode edited =
            socket.request(
                "edit",
                JSON.createObjectNode().put("messageId", messageId).put("text", "the answer, v2"));
        assertThat(edited.path("code").asInt()).as(edited.toString()).isEqualTo(200);
        overSocket =
            withId(
                socket.request("history", JSON.createObjectNode().put("room", room)),
                "data",
                messageId);
      }
      overHttp = withId(alice.get("/api/rooms/" + room + "/messages").json(), "", messageId);
    } finally {
      server.close();
    }
    JsonNode overExport = exported(room, messageId);

    assertThat(overSocket.path("attachments").get(0).asText()).isEqualTo(attachmentId);
    assertThat(overSocket.path("replyTo").asText()).isEqualTo(questionId);
    assertThat(overSocket.path("text").asText()).isEqualTo("the answer, v2");
    assertThat(overSocket.path("editedAt").isTextual()).isTrue();
    assertThat(overHttp).isEqualTo(overSocket);
    assertThat(overExport).isEqualTo(overSocket);
  }

  /** The message of {@code id} in a history page (under {@code field}, or at the top). */
  private static JsonNode withId(JsonNode page, String field, String id) {
    JsonNode messages = (field.isEmpty() ? page : page.path(field)).path("messages");
    return StreamSupport.stream(messages.spliterator(), false)
        .filter(m -> m.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message " + id + " in " + page));
  }

  /** The message of the export's {@code message} line for {@code id}. */
  private JsonNode exported(String room, String id) {
    for (String line : InProcessCli.run(dataDir, "export", room).split("\n")) {
      JsonNode entry = parse(line);
      if (entry.path("type").asText().equals("message")
          && entry.path("message").path("id").asText().equals(id)) {
        return entry.path("message");
      }
    }
    throw new AssertionError("no message line for " + id);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
