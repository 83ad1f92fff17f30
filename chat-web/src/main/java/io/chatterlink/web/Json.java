package io.chatterlink.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Jackson, tightened: request bodies are read whole only up to a byte limit, and the parser refuses
 * deep nesting and long strings, numbers or names before building anything. Requests are read as
 * trees (never bound to classes), so no type of ours can be instantiated from input.
 */
final class Json {
  /** Deepest accepted nesting of objects and arrays in a request. */
  static final int MAX_NESTING_DEPTH = 16;

  /** Longest accepted string value (a message text is at most 4,000 characters). */
  static final int MAX_STRING_LENGTH = 16 * 1024;

  /** Longest accepted number, in characters. */
  static final int MAX_NUMBER_LENGTH = 24;

  /** Longest accepted property name. */
  static final int MAX_NAME_LENGTH = 64;

  private final ObjectMapper mapper;
  private final int maxBodyBytes;

  Json(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(maxBodyBytes)
            .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
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
   * Reads a request body as one JSON object; an empty body is an empty object.
   *
   * @throws LimitExceededException when the body is longer than the limit
   * @throws InvalidInputException when it is not one well-formed JSON object
   */
  ObjectNode readObject(InputStream in) throws IOException {
    byte[] bytes = readLimited(in);
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

  private byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > maxBodyBytes) {
        throw new LimitExceededException(
            "the request body is larger than " + maxBodyBytes + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
