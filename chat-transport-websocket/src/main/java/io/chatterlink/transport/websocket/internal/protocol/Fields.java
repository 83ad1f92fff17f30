package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of request fields. A missing required field or a value of the wrong JSON type is an
 * {@link InvalidInputException} naming the field, which the client gets as a {@code 400} reply.
 */
public final class Fields {
  private Fields() {}

  public static String text(ObjectNode request, String name) {
    return optionalText(request, name)
        .orElseThrow(() -> new InvalidInputException("field '" + name + "' is required"));
  }

  public static Optional<String> optionalText(ObjectNode request, String name) {
    JsonNode value = request.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidInputException("field '" + name + "' must be a string");
    }
    return Optional.of(value.textValue());
  }

  public static long wholeNumber(ObjectNode request, String name) {
    return optionalWholeNumber(request, name)
        .orElseThrow(() -> new InvalidInputException("field '" + name + "' is required"));
  }

  public static Optional<Long> optionalWholeNumber(ObjectNode request, String name) {
    JsonNode value = request.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidInputException("field '" + name + "' must be a whole number");
    }
    return Optional.of(value.longValue());
  }

  public static boolean bool(ObjectNode request, String name) {
    JsonNode value = request.get(name);
    if (value == null || !value.isBoolean()) {
      throw new InvalidInputException("field '" + name + "' must be true or false");
    }
    return value.booleanValue();
  }

  public static List<String> optionalTextList(ObjectNode request, String name) {
    JsonNode value = request.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidInputException("field '" + name + "' must be an array of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new InvalidInputException("field '" + name + "' must be an array of strings");
      }
      items.add(item.textValue());
    }
    return items;
  }
}
