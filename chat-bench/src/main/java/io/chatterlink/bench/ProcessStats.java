package io.chatterlink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Another process's CPU time and resident memory, read from Linux's {@code /proc}. Every read is
 * optional: the process may have exited, or the platform may have no {@code /proc}.
 */
final class ProcessStats {
  /**
   * USER_HZ: the unit of utime and stime in {@code /proc/<pid>/stat}; 100 on Linux x86-64 and
   * arm64.
   */
  static final int CLOCK_TICKS_PER_SECOND = 100;

  /** Longest wait for the server's full GC. */
  static final int GC_TIMEOUT_SECONDS = 30;

  /**
   * Longest wait for the RSS to settle after the full GC: G1 gives memory back to the OS in steps,
   * on a background thread, for a second or more after the collection ends.
   */
  static final int GC_SETTLE_MAX_MILLIS = 10_000;

  /** Interval of the RSS readings while it settles; it has settled when two agree within 1 %. */
  static final int GC_SETTLE_STEP_MILLIS = 500;

  private final Path proc;

  ProcessStats(Path proc) {
    this.proc = proc;
  }

  /** Reads the real {@code /proc}. */
  static ProcessStats system() {
    return new ProcessStats(Path.of("/proc"));
  }

  /** User plus system CPU seconds of all the process's threads so far. */
  OptionalDouble cpuSeconds(long pid) {
    try {
      return OptionalDouble.of(cpuSecondsOf(Files.readString(proc.resolve(pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /** Resident set size in KiB ({@code VmRSS}). */
  OptionalLong rssKiB(long pid) {
    try {
      return rssKiBOf(Files.readString(proc.resolve(pid + "/status")));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The RSS after asking the process's JVM for a full GC ({@code jcmd <pid> GC.run}, from this
   * JVM's own JDK) and letting it settle; empty when that is impossible (not a JVM, no {@code
   * jcmd}).
   */
  OptionalLong rssAfterFullGcKiB(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    // jcmd signals its target with SIGQUIT, which ends a process that is not a JVM.
    if (pid <= 0 || !Files.isExecutable(jcmd) || !isJava(pid)) {
      return OptionalLong.empty();
    }
    try {
      Process gc =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gc.waitFor(GC_TIMEOUT_SECONDS, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        gc.destroyForcibly();
        return OptionalLong.empty();
      }
      return settledRssKiB(pid);
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  private OptionalLong settledRssKiB(long pid) throws InterruptedException {
    OptionalLong last = rssKiB(pid);
    for (int waited = 0; waited < GC_SETTLE_MAX_MILLIS; waited += GC_SETTLE_STEP_MILLIS) {
      Thread.sleep(GC_SETTLE_STEP_MILLIS);
      OptionalLong now = rssKiB(pid);
      if (now.isEmpty() || last.isEmpty()) {
        return now;
      }
      if (Math.abs(now.getAsLong() - last.getAsLong()) * 100 <= last.getAsLong()) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private boolean isJava(long pid) {
    try {
      Path exe = Files.readSymbolicLink(proc.resolve(pid + "/exe")).getFileName();
      return exe != null && exe.toString().equals("java");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Whole-machine CPU ticks since boot, busy and total, from the first line of {@code /proc/stat}.
   */
  record MachineTicks(long busy, long total) {
    /** The busy fraction of all cores between {@code earlier} and this reading. */
    OptionalDouble busyFractionSince(MachineTicks earlier) {
      long dt = total - earlier.total;
      return dt > 0
          ? OptionalDouble.of((busy - earlier.busy) / (double) dt)
          : OptionalDouble.empty();
    }
  }

  Optional<MachineTicks> machineTicks() {
    try {
      String first = Files.readString(proc.resolve("stat")).lines().findFirst().orElse("");
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return Optional.of(new MachineTicks(total - idle, total));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * utime + stime of a {@code stat} line. The command name in parentheses may itself contain spaces
   * and parentheses, so fields are counted from the last ')'.
   */
  static double cpuSecondsOf(String statLine) {
    String[] rest = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
    // after ")": state(0) ppid(1) pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    // utime(11) stime(12)
    return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) / (double) CLOCK_TICKS_PER_SECOND;
  }

  static OptionalLong rssKiBOf(String status) {
    return status
        .lines()
        .filter(l -> l.startsWith("VmRSS:"))
        .mapToLong(l -> Long.parseLong(l.substring(6).replace("kB", "").trim()))
        .findFirst();
  }
}
