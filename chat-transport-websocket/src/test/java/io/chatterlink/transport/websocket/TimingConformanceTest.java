package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.ChatFixture.eventually;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.subscribe;
import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Timestamps and the idle timeout as docs/protocol.md sections 3 and 8 state them. */
class TimingConformanceTest {

  @Test
  void everyTimestampHasExactlyThreeFractionalDigits() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T17:45:12.345678901Z"), ZoneOffset.UTC);
    try (ChatFixture chat =
        new ChatFixture(
            Hosting.UNDERTOW,
            TransportSettings.defaults().withRequestRate(1000, 1000, 20),
            clock)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient a = chat.connect(alice);
      a.request(subscribe(room, 0));

      JsonNode ack = a.request(send(room, "m1", "one"));
      String id = ack.path("data").path("messageId").asText();
      a.request("{\"type\":\"delete\",\"messageId\":\"" + id + "\"}");

      String expected = "2026-11-28T17:45:12.345Z";
      assertThat(ack.path("data").path("sentAt").asText()).isEqualTo(expected);
      assertThat(a.await(ofType("message")).path("message").path("sentAt").asText())
          .isEqualTo(expected);
      assertThat(a.await(ofType("delete")).path("at").asText()).isEqualTo(expected);
    }
  }

  @Test
  void aSilentSocketIsClosedSoonAfterTheIdleTimeoutNotAtTheNextPing() {
    Duration ping = Duration.ofSeconds(5);
    Duration idle = Duration.ofMillis(5_500);
    TransportSettings settings = TransportSettings.defaults().withHeartbeat(ping, idle);
    try (ChatFixture chat = new ChatFixture(Hosting.UNDERTOW, settings)) {
      LoginResult bob = chat.user("bob");
      long opened = System.nanoTime();
      chat.connectNonReading(bob);
      eventually(() -> chat.transport.openConnections(bob.user().id()) == 1);

      eventually(() -> chat.transport.openConnections(bob.user().id()) == 0);
      Duration closedAfter = Duration.ofNanos(System.nanoTime() - opened);

      // Checked only at pings, the close came at the second ping (10 s); now it comes within the
      // idle check period after 5.5 s. The bound leaves the loaded machine 3 s of slack.
      assertThat(closedAfter).isGreaterThanOrEqualTo(idle).isLessThan(ping.multipliedBy(2));
    }
  }
}
