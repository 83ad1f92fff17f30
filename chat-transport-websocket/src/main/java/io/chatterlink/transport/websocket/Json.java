package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The one JSON mapper of the transport, with read limits far tighter than Jackson's defaults: a
 * frame is at most 64 KiB and our requests are flat, so anything deeper or longer is hostile.
 */
final class Json {
  /** Deepest nesting a request may have; requests are two levels deep at most. */
  static final int MAX_NESTING_DEPTH = 8;

  /** Longest number literal accepted (a long has 19 digits and a sign). */
  static final int MAX_NUMBER_LENGTH = 20;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_NESTING_DEPTH)
                      .maxNumberLength(MAX_NUMBER_LENGTH)
                      .maxStringLength(TransportSettings.MAX_FRAME_BYTES_CEILING)
                      .maxNameLength(256)
                      .build())
              .build());

  private Json() {}

  /** A fresh object node. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses a frame; empty when it is not a JSON object. */
  static Optional<ObjectNode> parseObject(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode ? Optional.of((ObjectNode) node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Serialises a node we built ourselves; cannot fail for trees of plain values. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
