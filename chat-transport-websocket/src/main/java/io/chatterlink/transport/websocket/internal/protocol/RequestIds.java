package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the top-level {@code id} of a frame the JSON policy refused, so that its error reply can
 * still be correlated (an ignored field breaking a limit, two objects in one frame, a repeated key
 * elsewhere). A lenient streaming read of the top-level object only: other values are skipped
 * unread, Jackson's own generous limits apply, and the frame is already within {@code
 * maxFrameBytes}. An id that appears twice, or is not a valid id, is not recovered.
 */
public final class RequestIds {
  private static final JsonFactory LENIENT = new JsonFactory();

  private RequestIds() {}

  public static Optional<RequestId> recover(String frame) {
    Optional<RequestId> found = Optional.empty();
    try (JsonParser p = LENIENT.createParser(frame)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!"id".equals(name)) {
          p.skipChildren();
          continue;
        }
        if (found.isPresent()) {
          return Optional.empty(); // ambiguous: which one would the client expect back?
        }
        found = RequestId.of(scalar(p, value));
        if (found.isEmpty()) {
          return Optional.empty();
        }
      }
      return found;
    } catch (IOException | RuntimeException e) {
      // Broken after the id (or before it): what was read so far is all there is.
      return found;
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return JsonNodeFactory.instance.textNode(p.getText());
    }
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
    }
    return null;
  }
}
