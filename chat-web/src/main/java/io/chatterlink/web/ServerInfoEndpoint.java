package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.model.Limits;
import java.util.Locale;

/** {@code GET /api/config}: what a client needs to know before signing in. */
final class ServerInfoEndpoint {
  private final WebSettings settings;

  ServerInfoEndpoint(WebSettings settings) {
    this.settings = settings;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/config", this::config);
  }

  private void config(Call call) {
    ObjectNode body =
        call.object()
            .put(
                "registration",
                settings.registration().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .put("maxUploadBytes", settings.maxUploadBytes())
            .put("maxMessageLength", Limits.MAX_MESSAGE_LENGTH)
            .put("maxAttachmentsPerMessage", Limits.MAX_ATTACHMENTS_PER_MESSAGE)
            .put("minPasswordLength", Limits.MIN_PASSWORD_LENGTH);
    ArrayNode types = body.putArray("uploadTypes");
    for (MediaKind kind : MediaKind.values()) {
      types.add(kind.mediaType());
    }
    call.ok(body);
  }
}
