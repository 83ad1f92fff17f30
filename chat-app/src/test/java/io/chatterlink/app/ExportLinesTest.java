package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatterlink.core.event.MessageDeleted;
import io.chatterlink.core.event.MessageEdited;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.MessageView;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Export lines write timestamps as the protocol does: always three fractional digits and Z. */
class ExportLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RoomId ROOM = new RoomId("r-1");

  @Test
  void timestampsHaveExactlyThreeFractionalDigitsWhateverTheInstantsPrecision() throws Exception {
    MessageView message =
        new MessageView(
            new MessageId("m-1"),
            ROOM,
            1,
            new UserId("u-1"),
            new ClientMessageId("c-1"),
            "hello",
            false,
            false,
            List.of(),
            Optional.empty(),
            Instant.parse("2026-11-28T17:46:00Z"),
            Optional.of(Instant.parse("2026-11-28T17:47:12.345678Z")));
    ExportLines lines = new ExportLines();

    JsonNode edit = JSON.readTree(lines.toJson(new MessageEdited(2, message)));
    JsonNode delete =
        JSON.readTree(
            lines.toJson(
                new MessageDeleted(ROOM, 3, message.id(), Instant.parse("2026-11-28T17:48:01Z"))));

    assertThat(edit.path("message").path("sentAt").asText()).isEqualTo("2026-11-28T17:46:00.000Z");
    assertThat(edit.path("message").path("editedAt").asText())
        .isEqualTo("2026-11-28T17:47:12.345Z");
    assertThat(delete.path("at").asText()).isEqualTo("2026-11-28T17:48:01.000Z");
  }
}
