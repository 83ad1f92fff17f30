package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code java -jar chatterlink.jar} without JVM options, serves from a child
 * JVM with the server's own flags: SIGTERM to the process the user started reaches the server,
 * which stops gracefully, and the exit status passes through; the first start writes a class-data
 * archive beside the jar that the next one maps; flags chosen by the operator (or {@code
 * JVM_DEFAULTS=off}) are kept; a launcher killed outright takes its server down. The jar is copied
 * into a folder of the test's own so that the archive starts out absent.
 */
class LaunchedServerIT {
  private static final Path BUILT_JAR = Path.of("target", "chatterlink.jar");
  private static final long BOUND_SECONDS = 90;

  @TempDir Path dir;
  private Path jar;
  private Path work;

  @BeforeEach
  void copyTheJar() throws IOException {
    assertThat(BUILT_JAR).as("built by mvn package").exists();
    jar =
        Files.copy(
            BUILT_JAR, Files.createDirectories(dir.resolve("app")).resolve("chatterlink.jar"));
    work = Files.createDirectories(dir.resolve("work"));
  }

  @Test
  void sigtermReachesTheServerInTheChildJvmAndItsExitStatusPassesThroughAndTheArchiveIsWritten()
      throws Exception {
    Process first = start(List.of(), Map.of());
    ProcessHandle child = onlyChild(first);
    assertThat(arguments(child))
        .contains("-XX:+UseSerialGC", "-Dchatterlink.launcher.pid=" + first.pid())
        .anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + jar.getParent()));

    first.destroy(); // SIGTERM to the launcher, as `kill PID` or a service manager sends it

    assertThat(first.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("launcher ended").isTrue();
    assertThat(first.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(143);
    assertThat(child.isAlive()).isFalse();
    assertThat(log()).contains("event=server_stopped");
    List<Path> archives = archivesBesideTheJar();
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).toString()).endsWith(".jsa");

    Process second = start(List.of(), Map.of());
    assertThat(arguments(onlyChild(second))).contains("-XX:SharedArchiveFile=" + archives.get(0));
    second.destroy();
    assertThat(second.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(143);
  }

  @Test
  void aBadSettingStopsTheChildAndTheLauncherWithStatusOneAndTheMessage() throws Exception {
    Process launcher = launch(List.of(), Map.of("PORT", "not-a-port"));

    assertThat(launcher.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).isEqualTo(1);
    assertThat(log()).contains("PORT: must be");
  }

  @Test
  void jvmOptionsOrJvmDefaultsOffServeInTheJvmAsStarted() throws Exception {
    for (Process server :
        List.of(
            start(List.of("-Xmx200m"), Map.of()),
            start(List.of(), Map.of("JVM_DEFAULTS", "off")))) {
      assertThat(server.children().count()).isZero();
      server.destroy();
      assertThat(server.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(143);
    }
  }

  @Test
  void aLauncherKilledOutrightTakesItsServerDownGracefully() throws Exception {
    Process launcher = start(List.of(), Map.of());
    ProcessHandle child = onlyChild(launcher);

    launcher.destroyForcibly(); // SIGKILL: nothing of the launcher runs on to pass it on

    child.onExit().get(BOUND_SECONDS, TimeUnit.SECONDS);
    assertThat(log()).contains("event=launcher_gone").contains("event=server_stopped");
  }

  /** Starts the jar and waits until it serves and {@code /healthz} answers 200. */
  private Process start(List<String> jvmOptions, Map<String, String> env) throws Exception {
    Process process = launch(jvmOptions, env);
    try {
      URI uri = ChildNode.awaitServing(process, work);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri.resolve("/healthz"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      return process;
    } catch (Exception | AssertionError e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  private Process launch(List<String> jvmOptions, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("stderr.log").toFile()));
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      builder.environment().remove(variable);
    }
    builder.environment().put("PORT", "0");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static ProcessHandle onlyChild(Process launcher) {
    List<ProcessHandle> children = launcher.children().toList();
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  private static List<String> arguments(ProcessHandle process) {
    return List.of(process.info().arguments().orElseThrow());
  }

  private String log() throws IOException {
    return Files.readString(work.resolve("stderr.log"), StandardCharsets.UTF_8);
  }

  private List<Path> archivesBesideTheJar() throws IOException {
    try (Stream<Path> files = Files.list(jar.getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith("chatterlink-cds-")).toList();
    }
  }
}
