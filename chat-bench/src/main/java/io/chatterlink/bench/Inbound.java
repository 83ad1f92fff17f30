package io.chatterlink.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A server frame, reduced to what the bench needs. Message pushes, by far the most frequent frame,
 * are read with a streaming parser that stops at the text; the rest go through a tree.
 */
sealed interface Inbound {
  /** A {@code message} push: the text of the message posted. */
  record MessagePush(String text) implements Inbound {}

  /** A {@code reply}: the request id it answers ({@code ""} when the server could not read one). */
  record Reply(String id, int code, String error) implements Inbound {
    boolean ok() {
      return code == 200;
    }
  }

  /** The {@code hello}: the seq of the newest entry of each of the user's rooms, by room id. */
  record Hello(Map<String, Long> lastSeqByRoom) implements Inbound {
    public Hello {
      lastSeqByRoom = Map.copyOf(lastSeqByRoom);
    }
  }

  /** Any other push (presence, typing, member changes): ignored by the bench. */
  record Other(String type) implements Inbound {}

  /**
   * Reads one text frame.
   *
   * @throws IOException when the frame is not a JSON object with a string {@code type}
   */
  static Inbound parse(ObjectMapper mapper, String frame) throws IOException {
    JsonFactory factory = mapper.getFactory();
    try (JsonParser p = factory.createParser(frame)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("frame is not a JSON object");
      }
      // the common case: a message push, read to its text without building a tree
      if (p.nextToken() == JsonToken.FIELD_NAME
          && "type".equals(p.currentName())
          && p.nextToken() == JsonToken.VALUE_STRING
          && "message".equals(p.getText())) {
        return new MessagePush(messageText(p));
      }
    }
    return parseTree(mapper.readTree(frame));
  }

  private static String messageText(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("message".equals(field) && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String inner = p.currentName();
          if (p.nextToken() == JsonToken.VALUE_STRING && "text".equals(inner)) {
            return p.getText();
          }
          p.skipChildren();
        }
        break;
      }
      p.skipChildren();
    }
    throw new IOException("message push without message.text");
  }

  private static Inbound parseTree(JsonNode node) throws IOException {
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new IOException("frame without a string \"type\"");
    }
    switch (type.asText()) {
      case "message":
        return new MessagePush(node.path("message").path("text").asText());
      case "reply":
        return new Reply(
            node.path("id").asText(""), node.path("code").asInt(0), node.path("error").asText(""));
      case "hello":
        Map<String, Long> lastSeq = new HashMap<>();
        for (JsonNode room : node.path("rooms")) {
          lastSeq.put(room.path("id").asText(), room.path("lastSeq").asLong(0));
        }
        return new Hello(lastSeq);
      default:
        return new Other(type.asText());
    }
  }
}
