package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chatterlink.app.ChatServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A first start says what to do next (open the page, create the first account, how to close
 * registration), and its configuration line is short: only what differs from the defaults.
 */
class FirstStartIT {
  @TempDir Path dataDir;
  private final Logger serverLog = (Logger) LoggerFactory.getLogger(ChatServer.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.start();
    serverLog.addAppender(log);
    serverLog.setLevel(Level.INFO);
  }

  @AfterEach
  void release() {
    serverLog.detachAppender(log);
    serverLog.setLevel(null);
  }

  @Test
  void aFirstStartTellsWhereToCreateTheFirstAccountAndHowToCloseRegistration() {
    String hint;
    try (ChatServer server = TestServers.start(dataDir, Map.of())) {
      hint = server.firstStartHint().orElseThrow();
      assertThat(hint)
          .contains("open " + server.uri())
          .contains("create the first one")
          .contains("Registration is open")
          .contains("REGISTRATION=invite")
          .contains("REGISTRATION=closed");
      assertThat(lines())
          .anyMatch(line -> line.startsWith("event=first_start") && line.contains(hint));
      new Browserless(server.uri()).register("alice", "first start password 1");
    }
    log.list.clear();

    try (ChatServer again = TestServers.start(dataDir, Map.of())) {
      assertThat(again.firstStartHint()).isEmpty();
      assertThat(lines()).noneMatch(line -> line.startsWith("event=first_start"));
    }
  }

  @Test
  void withRegistrationClosedTheHintNamesTheCreateUserCommand() {
    try (ChatServer server = TestServers.start(dataDir, Map.of("REGISTRATION", "closed"))) {
      assertThat(server.firstStartHint().orElseThrow())
          .contains("REGISTRATION=closed")
          .contains("create-user NAME")
          .contains(server.uri().toString());
    }
  }

  @Test
  void theStartLineShowsOnlyTheSettingsThatDifferFromTheDefaults() {
    try (ChatServer server = TestServers.start(dataDir, Map.of())) {
      String started =
          lines().stream()
              .filter(l -> l.startsWith("event=server_started"))
              .findFirst()
              .orElseThrow();
      assertThat(started)
          .contains("DATA_DIR=" + dataDir.toAbsolutePath())
          .contains("PORT=0")
          .contains("SHUTDOWN_GRACE_SECONDS=2")
          .contains("METRICS_TOKEN=(set)")
          .doesNotContain(TestServers.METRICS_TOKEN)
          .doesNotContain("HOST=")
          .doesNotContain("WS_REQUEST_BURST")
          .doesNotContain("DURABILITY");
    }
  }

  private List<String> lines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }
}
