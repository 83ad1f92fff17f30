package io.chatterlink.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code nats-server} on a random loopback port, for one test class. It is a required test
 * tool: when missing the tests fail (never skip) and say how to install it.
 */
public final class NatsServer implements AutoCloseable {
  /** Only stops a broken server from hanging the build; it measures nothing. */
  private static final long HANG_GUARD_MILLIS = TimeUnit.SECONDS.toMillis(20);

  private static final Pattern URL = Pattern.compile("nats://127\\.0\\.0\\.1:(\\d+)");

  private final Path dir;
  private Process process;
  private int port;

  private NatsServer(Path dir) {
    this.dir = dir;
  }

  /** Starts a server on a port the system picks; files go to {@code dir}. */
  public static NatsServer start(Path dir) {
    NatsServer server = new NatsServer(dir);
    server.launch("-1");
    return server;
  }

  /** The client URL, such as {@code nats://127.0.0.1:40123}. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Stops the server (its clients see the connection drop) and starts it on the same port. */
  public void restart() {
    stop();
    launch(Integer.toString(port));
  }

  @Override
  public void close() {
    stop();
  }

  private void stop() {
    process.destroy();
    try {
      assertThat(process.waitFor(HANG_GUARD_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void launch(String portArgument) {
    Path portsDir = dir.resolve("ports-" + System.nanoTime());
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(List.of("-a", "127.0.0.1", "-p", portArgument));
    command.addAll(List.of("--ports_file_dir", portsDir.toString()));
    try {
      Files.createDirectories(portsDir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nats-server.log").toFile())
              .start();
      port = awaitPort(portsDir);
    } catch (IOException e) {
      throw new AssertionError("could not start " + command, e);
    }
  }

  /** Reads the port from the ports file the server writes once it listens. */
  private int awaitPort(Path portsDir) throws IOException {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      assertThat(process.isAlive())
          .as("nats-server exited: %s", Files.readString(dir.resolve("nats-server.log")))
          .isTrue();
      try (var files = Files.list(portsDir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Matcher url = URL.matcher(Files.readString(file));
          if (url.find()) {
            return Integer.parseInt(url.group(1));
          }
        }
      }
      sleep();
    }
    throw new AssertionError("nats-server wrote no ports file in " + portsDir);
  }

  private static String executable() {
    List<String> places = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
    places.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String place : places) {
      Path candidate = Path.of(place.isEmpty() ? "." : place, "nats-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        "nats-server is needed by the NATS cluster bus tests and was not found in /usr/sbin or"
            + " the PATH: apt-get install nats-server (or ./test.sh, which installs it)");
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
