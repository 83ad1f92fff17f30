package io.chatterlink.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server node in a JVM of its own, started from the shaded jar as users start it, so that it can
 * be killed with SIGKILL: nothing of it runs on, no shutdown hook, no goodbye to the cluster.
 */
final class ChildNode {
  private static final Path JAR = Path.of("target", "chatterlink.jar");
  private static final Pattern SERVING = Pattern.compile("ChatterLink is serving (http://\\S+)");

  private final Process process;
  private final URI uri;

  private ChildNode(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts {@code java -jar chatterlink.jar} in {@code dir} with {@code env} and a free port. */
  static ChildNode start(Path dir, Map<String, String> env) throws Exception {
    Files.createDirectories(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()))
            .directory(dir.toFile())
            .redirectError(dir.resolve("stderr.log").toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", "0");
    builder.environment().put("DATA_DIR", dir.resolve("data").toString());
    Process process = builder.start();
    try {
      return new ChildNode(process, awaitServing(process, dir));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  URI uri() {
    return uri;
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM (graceful), for the end of a test. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The URL of the "ChatterLink is serving" line, once the server prints it (90 s at most). */
  static URI awaitServing(Process process, Path dir) throws Exception {
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> serving =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    drain(stdout);
                    return URI.create(m.group(1));
                  }
                }
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              throw new IllegalStateException("the node exited without serving; see " + dir);
            });
    return serving.get(90, TimeUnit.SECONDS);
  }

  /** Keeps reading the node's standard output, so that a full pipe never blocks it. */
  private static void drain(BufferedReader stdout) {
    Thread drainer =
        new Thread(
            () -> {
              try {
                while (stdout.readLine() != null) {
                  // discarded: the log goes to stderr.log
                }
              } catch (IOException e) {
                // the node died
              }
            },
            "child-node-stdout");
    drainer.setDaemon(true);
    drainer.start();
  }
}
