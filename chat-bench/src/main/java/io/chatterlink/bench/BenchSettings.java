package io.chatterlink.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One run's parameters, validated: every bound below is a limit of the generator, stated so that a
 * typo cannot start a run that exhausts the machine.
 *
 * @param targets the servers and how the clients are placed on them
 * @param clients WebSocket connections, 1 to {@value #MAX_CLIENTS}
 * @param senders how many of the clients send (clients {@code 0..senders-1}), 0 to {@code clients}
 * @param rooms rooms; client {@code i} is in room {@code i % rooms}, 1 to {@code clients}
 * @param users accounts the clients share round-robin (each login costs the server an Argon2 hash),
 *     1 to {@code clients}
 * @param mode closed loop, open loop or idle
 * @param window messages in flight per sender in closed loop, 1 to {@value #MAX_WINDOW}
 * @param ratePerSender messages per second per sender in open loop, above 0 and at most {@value
 *     #MAX_RATE_PER_SENDER}
 * @param warmup sending before the measured window starts
 * @param measured the measured window, 1 s to {@value #MAX_SECONDS} s
 * @param drain longest wait for the deliveries of measured messages after sending stops
 * @param messageBytes size of each message text, {@value #MIN_MESSAGE_BYTES} to {@value
 *     #MAX_MESSAGE_BYTES}
 * @param historyOnJoin messages of history each client loads after subscribing (join storm), 0 to
 *     {@value #MAX_HISTORY}
 * @param connectConcurrency connections opened at once, 1 to {@value #MAX_CONNECT_CONCURRENCY}
 * @param serverPid a server's process id (with several targets, one of them), to read its CPU time
 *     and RSS from {@code /proc}
 * @param label a free-form name for the run, copied into the report
 */
record BenchSettings(
    Targets targets,
    int clients,
    int senders,
    int rooms,
    int users,
    Mode mode,
    int window,
    double ratePerSender,
    Duration warmup,
    Duration measured,
    Duration drain,
    int messageBytes,
    int historyOnJoin,
    int connectConcurrency,
    OptionalLong serverPid,
    String label) {

  static final int MAX_CLIENTS = 20_000;
  static final int MAX_WINDOW = 1_000;
  static final double MAX_RATE_PER_SENDER = 100_000;
  static final long MAX_SECONDS = 3_600;

  /** Room for the "jb|sender|seq|nanos|" prefix that carries the send time. */
  static final int MIN_MESSAGE_BYTES = 48;

  /** The server's maxMessageLength (docs/protocol.md). */
  static final int MAX_MESSAGE_BYTES = 4_000;

  /** The server's maxPageSize. */
  static final int MAX_HISTORY = 100;

  static final int MAX_CONNECT_CONCURRENCY = 1_000;

  /**
   * @throws IllegalArgumentException naming the first value out of range
   */
  BenchSettings {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(serverPid, "serverPid");
    Objects.requireNonNull(label, "label");
    requireRange("--clients", clients, 1, MAX_CLIENTS);
    requireRange("--senders", mode == Mode.IDLE ? 0 : senders, 0, clients);
    requireRange("--rooms", rooms, 1, clients);
    requireRange("--users", users, 1, clients);
    requireRange("--window", window, 1, MAX_WINDOW);
    if (!(ratePerSender > 0 && ratePerSender <= MAX_RATE_PER_SENDER)) {
      throw new IllegalArgumentException(
          "--rate must be above 0 and at most " + MAX_RATE_PER_SENDER);
    }
    requireSeconds("--warmup", warmup, 0);
    requireSeconds("--duration", measured, 1);
    requireSeconds("--drain", drain, 0);
    requireRange("--size", messageBytes, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
    requireRange("--history", historyOnJoin, 0, MAX_HISTORY);
    requireRange("--connect-concurrency", connectConcurrency, 1, MAX_CONNECT_CONCURRENCY);
    if (mode == Mode.IDLE) {
      senders = 0;
    }
  }

  /** The target (0-based index into {@code targets().servers()}) client {@code client} uses. */
  int targetOf(int client) {
    return targets.of(client, rooms, senders);
  }

  /** How many clients are placed on target {@code target}. */
  int clientsOn(int target) {
    return countOn(target, clients);
  }

  /** How many senders are placed on target {@code target}. */
  int sendersOn(int target) {
    return countOn(target, senders);
  }

  private int countOn(int target, int firstClients) {
    int count = 0;
    for (int i = 0; i < firstClients; i++) {
      if (targetOf(i) == target) {
        count++;
      }
    }
    return count;
  }

  /** The room (0-based) client {@code client} joins. */
  int roomOf(int client) {
    return client % rooms;
  }

  /** The account (0-based) client {@code client} logs in as. */
  int userOf(int client) {
    return client % users;
  }

  /** How many clients are members of room {@code room}: the deliveries one message there makes. */
  int membersOf(int room) {
    return clients / rooms + (room < clients % rooms ? 1 : 0);
  }

  private static void requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
    }
  }

  private static void requireSeconds(String name, Duration value, long minSeconds) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.toSeconds() < minSeconds || value.toSeconds() > MAX_SECONDS) {
      throw new IllegalArgumentException(
          name + " must be between " + minSeconds + " and " + MAX_SECONDS + " seconds");
    }
  }
}
