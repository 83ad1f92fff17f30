package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes' worth of servers on one database throttle logins alike: the failures are in
 * the database, not in either server's memory (issue #10, finding 6).
 */
class SharedLoginThrottleIT {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDir;

  @Test
  void failuresCountedByOneServerRefuseTheSameGuesserOnTheOther() {
    try (ChatServer first = TestServers.start(dataDir, Map.of());
        ChatServer second = TestServers.start(dataDir, Map.of())) {
      new Browserless(first.uri()).register("alice", PASSWORD);
      for (int i = 0; i < 3; i++) {
        assertThat(new Browserless(first.uri()).logIn("alice", "wrong " + i).status())
            .isEqualTo(401);
      }
      for (int i = 0; i < 2; i++) {
        assertThat(new Browserless(second.uri()).logIn("alice", "wrong " + i).status())
            .isEqualTo(401);
      }

      Browserless.Reply onSecond = new Browserless(second.uri()).logIn("alice", PASSWORD);
      Browserless.Reply onFirst = new Browserless(first.uri()).logIn("alice", PASSWORD);

      assertThat(onSecond.status()).isEqualTo(429);
      assertThat(onFirst.status()).isEqualTo(429);
    }
  }
}
