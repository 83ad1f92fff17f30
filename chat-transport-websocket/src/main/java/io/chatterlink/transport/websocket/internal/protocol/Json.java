package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.policy.JsonPolicy;
import java.util.Optional;

/**
 * The one JSON mapper of the transport, configured by the {@link JsonPolicy} that HTTP bodies obey
 * too: limits far tighter than Jackson's defaults, repeated keys and anything after the object
 * refused.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(JsonPolicy.MAX_NESTING_DEPTH)
                          .maxNumberLength(JsonPolicy.MAX_NUMBER_LENGTH)
                          .maxStringLength(JsonPolicy.MAX_STRING_LENGTH)
                          .maxNameLength(JsonPolicy.MAX_NAME_LENGTH)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** A fresh object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A JSON string. */
  public static JsonNode text(String value) {
    return MAPPER.getNodeFactory().textNode(value);
  }

  /** Parses a frame; empty when it is not a JSON object. */
  public static Optional<ObjectNode> parseObject(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode ? Optional.of((ObjectNode) node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Serialises a node we built ourselves; cannot fail for trees of plain values. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
