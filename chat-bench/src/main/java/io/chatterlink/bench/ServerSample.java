package io.chatterlink.bench;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the run saw of the server process: RSS before the clients connected, once they were all
 * connected and subscribed (idle), the peak while sending, at the end, and (idle runs of a JVM
 * server) with every client still connected after the server's JVM ran a full GC, so that it holds
 * what the connections keep rather than the garbage of connecting them; and the CPU seconds it used
 * during the measured window. Empty when no server pid was given or {@code /proc} could not be
 * read.
 */
record ServerSample(
    OptionalLong pid,
    OptionalLong rssBeforeKiB,
    OptionalLong rssIdleKiB,
    OptionalLong rssPeakKiB,
    OptionalLong rssEndKiB,
    OptionalLong rssAfterGcKiB,
    OptionalDouble cpuSeconds) {

  static ServerSample none() {
    OptionalLong no = OptionalLong.empty();
    return new ServerSample(no, no, no, no, no, no, OptionalDouble.empty());
  }

  /** RSS growth per connected client between "before" and "idle", in KiB. */
  OptionalDouble rssPerIdleConnectionKiB(int connected) {
    if (connected == 0 || rssBeforeKiB.isEmpty() || rssIdleKiB.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        (rssIdleKiB.getAsLong() - rssBeforeKiB.getAsLong()) / (double) connected);
  }
}
