package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The request envelope of docs/protocol.md section 2: ids, refused frames and their budget. */
class EnvelopeConformanceTest {

  private static JsonNode replyTo(TestClient client, String frame, int nth) {
    client.sendRaw(frame);
    return client.awaitCount(TestClient.ofType("reply"), nth).get(nth - 1);
  }

  @Test
  void aNumericIdIsAcceptedAndEchoedAsANumber() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      TestClient client = chat.connect(chat.user("alice"));

      JsonNode reply = replyTo(client, "{\"id\":42,\"type\":\"ping\"}", 1);

      assertThat(reply.path("code").asInt()).isEqualTo(200);
      assertThat(reply.path("id").isIntegralNumber()).isTrue();
      assertThat(reply.path("id").asLong()).isEqualTo(42);
    }
  }

  @Test
  void aFrameRefusedByTheJsonPolicyStillEchoesItsReadableId() {
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      TestClient client = chat.connect(chat.user("alice"));
      String deep = "[".repeat(20) + "]".repeat(20);

      JsonNode longNumber =
          replyTo(client, "{\"id\":\"a\",\"type\":\"ping\",\"n\":1234567890123456789012345}", 1);
      JsonNode deepFirst = replyTo(client, "{\"x\":" + deep + ",\"id\":7,\"type\":\"ping\"}", 2);
      JsonNode twoObjects = replyTo(client, "{\"id\":\"c\",\"type\":\"ping\"}{\"id\":\"d\"}", 3);
      JsonNode twoIds = replyTo(client, "{\"id\":\"e\",\"id\":\"f\",\"type\":\"ping\"}", 4);
      JsonNode fractionalId = replyTo(client, "{\"id\":1.5,\"type\":\"ping\"}", 5);

      assertThat(List.of(longNumber, deepFirst, twoObjects, twoIds, fractionalId))
          .allSatisfy(r -> assertThat(r.path("code").asInt()).isEqualTo(400));
      assertThat(longNumber.path("id").asText()).isEqualTo("a");
      assertThat(deepFirst.path("id").isIntegralNumber()).isTrue();
      assertThat(deepFirst.path("id").asInt()).isEqualTo(7);
      assertThat(twoObjects.path("id").asText()).isEqualTo("c");
      assertThat(twoIds.path("id").isNull()).isTrue();
      assertThat(fractionalId.path("id").isNull()).isTrue();
    }
  }

  @Test
  void framesWithoutAReadableIdSpendTheRequestBudgetToo() {
    TransportSettings settings = TransportSettings.defaults().withRequestRate(1, 3, 5);
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW, settings)) {
      TestClient client = chat.connect(chat.user("alice"));

      for (int i = 0; i < 20 && !client.isClosed(); i++) {
        client.sendRaw("this is not json " + i);
      }

      assertThat(client.awaitCloseCode()).isEqualTo(1008);
      assertThat(client.matching(f -> f.path("code").asInt() == 429))
          .hasSizeGreaterThanOrEqualTo(5);
      assertThat(client.matching(f -> f.path("code").asInt() == 400)).hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void aFrameOverOneMebibyteClosesWith1009AndLogsNoWarning() {
    Logger tyrus = Logger.getLogger("org.glassfish.tyrus");
    List<LogRecord> warnings = new ArrayList<>();
    Handler recorder =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              synchronized (warnings) {
                warnings.add(record);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    tyrus.addHandler(recorder);
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW)) {
      TestClient client = chat.connect(chat.user("alice"));

      try {
        client.sendRaw("{\"id\":\"big\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
      } catch (CompletionException e) {
        // expected: the server closes on the frame's header, before the client has written it all
      }

      assertThat(client.awaitCloseCode()).isEqualTo(1009);
    } finally {
      tyrus.removeHandler(recorder);
    }
    synchronized (warnings) {
      assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }
  }
}
