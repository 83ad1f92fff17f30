package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes' worth of servers on one database count registrations from one address
 * together: the throttle's events are in the database, not in either server's memory (issue #12).
 */
class SharedRegistrationThrottleIT {
  private static final String PASSWORD = "correct horse battery";
  private static final Map<String, String> TWO_AN_HOUR = Map.of("REGISTRATIONS_PER_HOUR", "2");

  @TempDir Path dataDir;

  @Test
  void registrationsThroughOneServerCountAgainstTheSameAddressOnTheOther() {
    try (ChatServer first = TestServers.start(dataDir, TWO_AN_HOUR);
        ChatServer second = TestServers.start(dataDir, TWO_AN_HOUR)) {
      new Browserless(first.uri()).register("alice", PASSWORD);
      new Browserless(second.uri()).register("bob", PASSWORD);

      Browserless.Reply onFirst = register(first, "carol");
      Browserless.Reply onSecond = register(second, "carol");

      assertThat(onFirst.status()).isEqualTo(429);
      assertThat(onSecond.status()).isEqualTo(429);
      assertThat(onSecond.response().headers().firstValue("Retry-After"))
          .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(3500, 3600));
    }
  }

  @Test
  void theCountSurvivesARestart() {
    try (ChatServer before = TestServers.start(dataDir, TWO_AN_HOUR)) {
      new Browserless(before.uri()).register("alice", PASSWORD);
      new Browserless(before.uri()).register("bob", PASSWORD);
    }
    try (ChatServer after = TestServers.start(dataDir, TWO_AN_HOUR)) {
      assertThat(register(after, "carol").status()).isEqualTo(429);
    }
  }

  private static Browserless.Reply register(ChatServer server, String name) {
    return new Browserless(server.uri())
        .post(
            "/api/register",
            Browserless.JSON.createObjectNode().put("username", name).put("password", PASSWORD));
  }
}
