package io.chatterlink.bench;

import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * Everything one run measured, before formatting.
 *
 * @param settings what was asked
 * @param connected clients that got their {@code hello}
 * @param setupSeconds registering the accounts and creating and joining the rooms over HTTP
 * @param connectSeconds opening every socket (to {@code hello})
 * @param joinSeconds subscribing every client (and loading history, if asked)
 * @param connectMicros per client: socket open to {@code hello}
 * @param joinMicros per client: subscribe (and history) request to reply
 * @param windowSeconds the measured window's actual length
 * @param counts messages, deliveries, errors and the latency of every measured delivery
 * @param sendLagMicros open loop: how late the pacer sent compared with the schedule
 * @param server the server's CPU and memory
 * @param generatorCpuSeconds this process's CPU seconds during the window
 * @param machineBusy the fraction of all cores busy during the window, whoever used them
 * @param cores the machine's cores
 */
record RunResult(
    BenchSettings settings,
    int connected,
    double setupSeconds,
    double connectSeconds,
    double joinSeconds,
    Histogram connectMicros,
    Histogram joinMicros,
    double windowSeconds,
    Tally.Counts counts,
    Optional<Histogram> sendLagMicros,
    ServerSample server,
    OptionalDouble generatorCpuSeconds,
    OptionalDouble machineBusy,
    int cores) {

  /** Deliveries of measured messages over deliveries expected of them; empty if none was sent. */
  OptionalDouble deliveryRatio() {
    return counts.expectedMeasured() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(counts.deliveredMeasured() / (double) counts.expectedMeasured());
  }

  double sentPerSecond() {
    return windowSeconds > 0 ? counts.sentMeasured() / windowSeconds : 0;
  }

  double deliveredPerSecond() {
    return windowSeconds > 0 ? counts.deliveredInWindow() / windowSeconds : 0;
  }

  /** Deliveries in the window per CPU second the server used in it. */
  OptionalDouble deliveriesPerServerCpuSecond() {
    return server.cpuSeconds().isPresent() && server.cpuSeconds().getAsDouble() > 0
        ? OptionalDouble.of(counts.deliveredInWindow() / server.cpuSeconds().getAsDouble())
        : OptionalDouble.empty();
  }

  /**
   * Cores busy with neither the server nor this generator: other processes, interrupts, noisy
   * neighbours. Large values mark a disturbed run.
   */
  OptionalDouble otherCores() {
    if (machineBusy.isEmpty() || generatorCpuSeconds.isEmpty() || windowSeconds <= 0) {
      return OptionalDouble.empty();
    }
    double server = this.server.cpuSeconds().orElse(0) / windowSeconds;
    return OptionalDouble.of(
        machineBusy.getAsDouble() * cores
            - generatorCpuSeconds.getAsDouble() / windowSeconds
            - server);
  }

  /**
   * Whether the generator may have limited the result: the machine was nearly saturated (at least
   * 95 % of all cores busy, so the generator competed with the server for CPU) or, in open loop,
   * the pacer ran more than 10 ms behind its schedule at p99.
   */
  boolean generatorSaturated() {
    boolean machineFull = machineBusy.isPresent() && machineBusy.getAsDouble() >= 0.95;
    boolean pacerLate =
        sendLagMicros.isPresent()
            && sendLagMicros.get().getTotalCount() > 0
            && sendLagMicros.get().getValueAtPercentile(99) > 10_000;
    return machineFull || pacerLate;
  }
}
