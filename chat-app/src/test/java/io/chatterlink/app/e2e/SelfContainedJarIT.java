package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run as a user runs it: {@code java -jar chatterlink.jar} with no configuration
 * but a free port. It serves the UI, the API, the WebSocket and health on one port (so the merged
 * service files of Flyway and Tyrus work), generates and announces its key, and stops gracefully on
 * SIGTERM. Also prints how long a cold start took (measured, not asserted).
 */
class SelfContainedJarIT {
  private static final Path JAR = Path.of("target", "chatterlink.jar");
  private static final Pattern SERVING = Pattern.compile("ChatterLink is serving (http://\\S+)");

  @TempDir Path workingDir;

  @Test
  void theJarServesPagesApiAndHealthOnOnePortAndStopsGracefullyOnSigterm() throws Exception {
    assertThat(JAR).as("built by mvn package").exists();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()))
            .directory(workingDir.toFile())
            .redirectError(workingDir.resolve("stderr.log").toFile());
    builder.environment().put("PORT", "0");
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      URI uri = awaitServingLine(process);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = get(http, uri.resolve("/healthz"));
      long coldStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      System.out.printf(
          "cold start of chatterlink.jar to a healthy /healthz: %d ms%n", coldStartMillis);

      assertThat(uri.getHost()).isEqualTo("127.0.0.1");
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> page = get(http, uri.resolve("/"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(get(http, uri.resolve("/api/config")).statusCode()).isEqualTo(200);
      Browserless alice = new Browserless(uri);
      alice.register("alice", "jar password 1234");
      try (SocketClient socket = SocketClient.connect(alice)) {
        assertThat(socket.hello().path("protocol").asText()).isEqualTo("chatterlink.v1");
      }
      assertThat(workingDir.resolve("data/chatterlink.db")).exists();
      assertThat(workingDir.resolve("data/fernet.key")).exists();
    } finally {
      process.destroy(); // SIGTERM
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    String log = Files.readString(workingDir.resolve("stderr.log"), StandardCharsets.UTF_8);
    String key = Files.readString(workingDir.resolve("data/fernet.key")).strip();
    assertThat(log)
        .contains("event=key_generated")
        .contains(workingDir.resolve("data/fernet.key").toString())
        .contains("event=server_stopped")
        .doesNotContain(key);
  }

  @Test
  void theJarNamesItsVersion() throws Exception {
    Process process =
        new ProcessBuilder(javaBinary(), "-jar", JAR.toAbsolutePath().toString(), "--version")
            .directory(workingDir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output.strip()).matches("chatterlink \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  private URI awaitServingLine(Process process) throws Exception {
    return ChildNode.awaitServing(process, workingDir);
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
