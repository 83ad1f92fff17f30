package io.chatterlink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatterlink-bench}: drives a running ChatterLink server, or several nodes of one cluster,
 * over the real protocol and reports what it measured, as a table and as one JSON line (also
 * appended to {@code --out}). It registers its own accounts and creates its own rooms, named after
 * its process id, so it needs a server with open registration, and it leaves those accounts and
 * rooms behind: point it at a benchmark server, never at a production one.
 *
 * <p>With several {@code --url}s the clients are placed on them as {@code --spread} says, and the
 * latency of each delivery is also counted as same-target (sender and receiver on one server) or
 * cross-target.
 *
 * <p>The server's per-user request budget (10 requests/s by default) also bounds the senders of
 * each account, and its connection caps (20 per user, 100 per client address) bound the clients:
 * raise them on the benchmark server ({@code WS_REQUESTS_PER_SECOND}, {@code
 * WS_MAX_CONNECTIONS_PER_USER}, {@code WS_MAX_CONNECTIONS_PER_ADDRESS}), or runs faster than that
 * count {@code 429} errors and clients over the caps fail to connect.
 */
@Command(
    name = "chatterlink-bench",
    mixinStandardHelpOptions = true,
    description =
        "Load-test a running ChatterLink server (creates its own users and rooms: use a"
            + " benchmark server, never a production one).")
public final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--url",
      split = ",",
      defaultValue = "http://127.0.0.1:8080",
      description =
          "Server base URL, or several comma-separated (nodes of one cluster; accounts and rooms"
              + " are made through the first) (default: ${DEFAULT-VALUE}).")
  private List<URI> urls;

  @Option(
      names = "--spread",
      description =
          "With several URLs: round-robin (each room's members, senders and receivers, go"
              + " round-robin over the targets) or senders-first (senders on the first target,"
              + " receivers on the others: every delivery to a receiver crosses servers)"
              + " (default: ${DEFAULT-VALUE}).")
  private String spread = "round-robin";

  @Option(names = "--clients", description = "Connected clients (default: ${DEFAULT-VALUE}).")
  private int clients = 50;

  @Option(names = "--senders", description = "Clients that send (default: ${DEFAULT-VALUE}).")
  private int senders = 5;

  @Option(
      names = "--rooms",
      description = "Rooms; client i joins room i %% rooms (default: ${DEFAULT-VALUE}).")
  private int rooms = 1;

  @Option(
      names = "--users",
      description =
          "Accounts shared round-robin by the clients; 0 = min(clients, 10), as a server accepts"
              + " 10 registrations per client address per hour by default.")
  private int users;

  @Option(names = "--mode", description = "closed, open or idle (default: ${DEFAULT-VALUE}).")
  private String mode = "closed";

  @Option(
      names = "--window",
      description = "Closed loop: messages in flight per sender (default: ${DEFAULT-VALUE}).")
  private int window = 1;

  @Option(
      names = "--rate",
      description = "Open loop: messages per second per sender (default: ${DEFAULT-VALUE}).")
  private double rate = 10;

  @Option(
      names = "--warmup",
      description = "Seconds of sending before measuring (default: ${DEFAULT-VALUE}).")
  private long warmupSeconds = 3;

  @Option(
      names = "--duration",
      description = "Measured seconds (idle: seconds held) (default: ${DEFAULT-VALUE}).")
  private long durationSeconds = 10;

  @Option(
      names = "--drain",
      description = "Longest wait for late deliveries, seconds (default: ${DEFAULT-VALUE}).")
  private long drainSeconds = 5;

  @Option(names = "--size", description = "Message text length (default: ${DEFAULT-VALUE}).")
  private int size = 100;

  @Option(
      names = "--history",
      description = "Messages of history each client loads after subscribing.")
  private int history;

  @Option(
      names = "--connect-concurrency",
      description = "Connections opened at once (default: ${DEFAULT-VALUE}).")
  private int connectConcurrency = 50;

  @Option(
      names = "--server-pid",
      description = "The server's pid, to read its CPU and RSS from /proc.")
  private long serverPid;

  @Option(names = "--label", description = "A name for the run, copied into the report.")
  private String label = "bench";

  @Option(names = "--out", description = "File to append the JSON line to.")
  private Path out;

  /** Picocli creates the command; the options above are its state. */
  public BenchCommand() {}

  /** Runs the benchmark once; 0 on completion (whatever the numbers), 1 if setup failed. */
  @Override
  public Integer call() throws InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    BenchSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      stderr.println("chatterlink-bench: " + e.getMessage());
      return 2;
    }
    try {
      RunResult result = new LoadRun(settings, ProcessStats.system()).run(throwawayPassword());
      Report report = new Report(new ObjectMapper());
      String line = report.jsonLine(result, Instant.now());
      stderr.print(report.table(result));
      stderr.flush();
      stdout.println(line);
      if (out != null) {
        Files.writeString(
            out,
            line + System.lineSeparator(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      return 0;
    } catch (IOException e) {
      stderr.println("chatterlink-bench: " + e.getMessage());
      return 1;
    }
  }

  /** The generated accounts are throwaway: a random password nobody needs to know. */
  private static String throwawayPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  BenchSettings settings() {
    Mode m;
    try {
      m = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--mode must be closed, open or idle", e);
    }
    int accounts = users > 0 ? users : Math.min(clients, 10);
    return new BenchSettings(
        new Targets(urls, Spread.ofOption(spread)),
        clients,
        Math.min(senders, clients),
        rooms,
        accounts,
        m,
        window,
        rate,
        Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(durationSeconds),
        Duration.ofSeconds(drainSeconds),
        size,
        history,
        connectConcurrency,
        serverPid > 0 ? OptionalLong.of(serverPid) : OptionalLong.empty(),
        label);
  }
}
