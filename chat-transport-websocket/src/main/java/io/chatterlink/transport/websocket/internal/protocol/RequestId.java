package io.chatterlink.transport.websocket.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.policy.JsonPolicy;
import java.util.Optional;

/**
 * A request's {@code id} as the client sent it: a string of 1 to {@link #MAX_LENGTH} characters or
 * an integer (as in JSON-RPC), echoed in the reply with its JSON type.
 */
public record RequestId(JsonNode json) {
  /** The longest string id, in UTF-16 units. */
  public static final int MAX_LENGTH = 64;

  /** What a valid id is, for the error reply to an invalid one. */
  public static final String RULE =
      "field 'id' must be a string of 1 to " + MAX_LENGTH + " characters or an integer";

  /** The id when {@code value} is one the protocol accepts; empty otherwise. */
  public static Optional<RequestId> of(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      int length = value.textValue().length();
      return length >= 1 && length <= MAX_LENGTH
          ? Optional.of(new RequestId(value))
          : Optional.empty();
    }
    return value.isIntegralNumber() && value.asText().length() <= JsonPolicy.MAX_NUMBER_LENGTH
        ? Optional.of(new RequestId(value))
        : Optional.empty();
  }

  /** A string id. */
  public static RequestId of(String id) {
    return of(Json.text(id)).orElseThrow(() -> new IllegalArgumentException("bad id: " + id));
  }
}
