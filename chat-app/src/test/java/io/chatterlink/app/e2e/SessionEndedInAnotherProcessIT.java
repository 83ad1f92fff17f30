package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.app.ChatServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reset-password} run from the command line, in its own process with its own connection to
 * the database, closes the user's open sockets on the running server within the documented bound
 * (the 2 s session check interval plus its query; 5 s at most), while other users' sockets stay.
 */
class SessionEndedInAnotherProcessIT {
  private static final Path JAR = Path.of("target", "chatterlink.jar");
  private static final Duration BOUND = Duration.ofSeconds(5);

  @TempDir Path dataDir;

  @Test
  void aPasswordResetFromTheCliClosesTheUsersOpenSocketsWithin5Seconds() throws Exception {
    assertThat(JAR).as("built by mvn package").exists();
    try (ChatServer server = TestServers.start(dataDir, Map.of())) {
      Browserless bob = new Browserless(server.uri());
      bob.register("bob", "bob's first password");
      Browserless alice = new Browserless(server.uri());
      alice.register("alice", "alice's own password");
      try (SocketClient bobs = SocketClient.connect(bob);
          SocketClient alices = SocketClient.connect(alice)) {

        resetPasswordInAnotherProcess("bob", "bob's second password");
        long resetAt = System.nanoTime();

        assertThat(bobs.closeCode()).isEqualTo(4401);
        assertThat(Duration.ofNanos(System.nanoTime() - resetAt)).isLessThan(BOUND);
        assertThat(alices.request("ping").path("code").asInt()).isEqualTo(200);
        assertThat(new Browserless(server.uri()).logIn("bob", "bob's second password").status())
            .isEqualTo(200);
      }
    }
  }

  private void resetPasswordInAnotherProcess(String user, String password) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toAbsolutePath().toString(),
                    "reset-password",
                    user))
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("cli.log").toFile());
    builder.environment().put("DATA_DIR", dataDir.toString());
    Process cli = builder.start();
    try (OutputStream stdin = cli.getOutputStream()) {
      stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    assertThat(cli.exitValue())
        .as(java.nio.file.Files.readString(dataDir.resolve("cli.log")))
        .isZero();
  }
}
