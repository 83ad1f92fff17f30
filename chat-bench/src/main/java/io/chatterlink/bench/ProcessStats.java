package io.chatterlink.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Another process's CPU time and resident memory, read from Linux's {@code /proc}, together with
 * those of the processes below it: the server started as the README says is a launcher whose child
 * JVM serves, and both are the server's cost. Every read is optional: the process may have exited,
 * or the platform may have no {@code /proc}.
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

  /** Each root pid's processes, found once: a server's process tree does not change in a run. */
  private final Map<Long, List<Long>> trees = new ConcurrentHashMap<>();

  ProcessStats(Path proc) {
    this.proc = proc;
  }

  /** Reads the real {@code /proc}. */
  static ProcessStats system() {
    return new ProcessStats(Path.of("/proc"));
  }

  /**
   * User plus system CPU seconds so far of all the threads of the process and of the processes
   * below it; empty if the process itself cannot be read.
   */
  OptionalDouble cpuSeconds(long pid) {
    OptionalDouble total = OptionalDouble.empty();
    for (long member : tree(pid)) {
      OptionalDouble own = ownCpuSeconds(member);
      if (member == pid && own.isEmpty()) {
        return own;
      }
      if (own.isPresent()) {
        total = OptionalDouble.of(total.orElse(0) + own.getAsDouble());
      }
    }
    return total;
  }

  /**
   * Resident set size in KiB ({@code VmRSS}) of the process plus that of the processes below it;
   * empty if the process itself cannot be read.
   */
  OptionalLong rssKiB(long pid) {
    OptionalLong total = OptionalLong.empty();
    for (long member : tree(pid)) {
      OptionalLong own = ownRssKiB(member);
      if (member == pid && own.isEmpty()) {
        return own;
      }
      if (own.isPresent()) {
        total = OptionalLong.of(total.orElse(0) + own.getAsLong());
      }
    }
    return total;
  }

  private OptionalDouble ownCpuSeconds(long pid) {
    try {
      return OptionalDouble.of(cpuSecondsOf(Files.readString(proc.resolve(pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  private OptionalLong ownRssKiB(long pid) {
    try {
      return rssKiBOf(Files.readString(proc.resolve(pid + "/status")));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * {@code pid} first, then the processes below it, found through each process's parent pid in
   * {@code /proc/<pid>/stat}.
   */
  List<Long> tree(long pid) {
    return trees.computeIfAbsent(pid, this::findTree);
  }

  private List<Long> findTree(long root) {
    Map<Long, List<Long>> children = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path entry : entries) {
        try {
          long pid = Long.parseLong(entry.getFileName().toString());
          long parent = parentPidOf(Files.readString(entry.resolve("stat")));
          children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid);
        } catch (IOException | RuntimeException e) {
          // ended while we looked, or not a process folder
        }
      }
    } catch (IOException e) {
      return List.of(root);
    }
    List<Long> tree = new ArrayList<>(List.of(root));
    for (int i = 0; i < tree.size(); i++) {
      tree.addAll(children.getOrDefault(tree.get(i), List.of()));
    }
    return List.copyOf(tree);
  }

  /** The parent pid of a {@code stat} line (the field after the state). */
  static long parentPidOf(String statLine) {
    String[] rest = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(rest[1]);
  }

  /**
   * The RSS (of the process and those below it) after asking each JVM among them for a full GC
   * ({@code jcmd <pid> GC.run}, from this JVM's own JDK) and letting it settle; empty when that is
   * impossible (no JVM, no {@code jcmd}).
   */
  OptionalLong rssAfterFullGcKiB(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    // jcmd signals its target with SIGQUIT, which ends a process that is not a JVM.
    List<Long> jvms = pid <= 0 ? List.of() : tree(pid).stream().filter(this::isJava).toList();
    if (!Files.isExecutable(jcmd) || jvms.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      for (long jvm : jvms) {
        Process gc =
            new ProcessBuilder(jcmd.toString(), Long.toString(jvm), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!gc.waitFor(GC_TIMEOUT_SECONDS, TimeUnit.SECONDS) || gc.exitValue() != 0) {
          gc.destroyForcibly();
          return OptionalLong.empty();
        }
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
