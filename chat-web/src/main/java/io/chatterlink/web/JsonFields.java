package io.chatterlink.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of request fields, failing with a message that names the field. */
final class JsonFields {
  private JsonFields() {}

  static String text(JsonNode body, String field) {
    return optionalText(body, field)
        .orElseThrow(() -> new InvalidInputException("\"" + field + "\" is required"));
  }

  static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InvalidInputException("\"" + field + "\" must be a string");
    }
    return Optional.of(node.textValue());
  }

  static long number(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw new InvalidInputException("\"" + field + "\" must be a whole number");
    }
    return node.longValue();
  }

  /** A list of strings, at most {@code max} of them; absent means empty. */
  static List<String> texts(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > max) {
      throw new InvalidInputException(
          "\"" + field + "\" must be a list of at most " + max + " strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new InvalidInputException("\"" + field + "\" must hold strings only");
      }
      values.add(item.textValue());
    }
    return values;
  }
}
