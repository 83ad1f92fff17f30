package io.chatterlink.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import io.chatterlink.core.policy.JsonPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jackson, tightened to the {@link JsonPolicy} that WebSocket frames obey too: request bodies are
 * read whole only up to a byte limit; the parser refuses deep nesting, long strings, numbers or
 * names, repeated keys and anything after the object before building anything. Requests are read as
 * trees (never bound to classes), so no type of ours can be instantiated from input.
 */
final class Json {
  private final ObjectMapper mapper;
  private final int maxBodyBytes;

  Json(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(JsonPolicy.MAX_NESTING_DEPTH)
            .maxStringLength(JsonPolicy.MAX_STRING_LENGTH)
            .maxNumberLength(JsonPolicy.MAX_NUMBER_LENGTH)
            .maxNameLength(JsonPolicy.MAX_NAME_LENGTH)
            .maxDocumentLength(maxBodyBytes)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** A new empty object to fill in for a response. */
  ObjectNode object() {
    return mapper.createObjectNode();
  }

  /**
   * Reads a body already received as one JSON object; an empty body is an empty object.
   *
   * @throws LimitExceededException when the body is longer than the limit
   * @throws InvalidInputException when it is not one well-formed JSON object
   */
  ObjectNode readObject(byte[] bytes) {
    if (bytes.length > maxBodyBytes) {
      throw new LimitExceededException(
          "the request body is larger than " + maxBodyBytes + " bytes");
    }
    if (bytes.length == 0) {
      return object();
    }
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidInputException("the request body must be a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the request body is not acceptable JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory cannot fail", e);
    }
  }

  /** The JSON text of a response. */
  byte[] write(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of our own always serializes", e);
    }
  }
}
