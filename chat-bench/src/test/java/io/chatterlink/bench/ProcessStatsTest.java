package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {
  @TempDir Path proc;

  @Test
  void cpuSecondsAreUserPlusSystemTicksEvenWhenTheCommandNameHasParentheses() throws IOException {
    Files.createDirectories(proc.resolve("42"));
    Files.writeString(
        proc.resolve("42/stat"),
        "42 (java (x) y) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0\n");

    assertThat(new ProcessStats(proc).cpuSeconds(42)).hasValue(3.0);
  }

  @Test
  void rssIsVmRssInKiB() throws IOException {
    Files.createDirectories(proc.resolve("42"));
    Files.writeString(
        proc.resolve("42/status"),
        "Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t  123456 kB\nThreads: 3\n");

    assertThat(new ProcessStats(proc).rssKiB(42)).hasValue(123_456);
  }

  @Test
  void aLaunchersFiguresIncludeThoseOfTheProcessesBelowItButNotOthers() throws IOException {
    process(42, 1, 100, 1000); // the launcher
    process(43, 42, 200, 2000); // its server JVM
    process(44, 43, 300, 3000); // something the server started
    process(45, 1, 900, 9000); // unrelated

    ProcessStats stats = new ProcessStats(proc);

    assertThat(stats.tree(42)).containsExactly(42L, 43L, 44L);
    assertThat(stats.cpuSeconds(42)).hasValue(6.0);
    assertThat(stats.rssKiB(42)).hasValue(6000);
    assertThat(stats.rssKiB(45)).hasValue(9000);
  }

  private void process(long pid, long parent, long utimeTicks, long rssKiB) throws IOException {
    Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(
        proc.resolve(pid + "/stat"),
        pid + " (java) S " + parent + " 42 42 0 -1 4194560 100 0 0 0 " + utimeTicks + " 0 0 0\n");
    Files.writeString(proc.resolve(pid + "/status"), "Name:\tjava\nVmRSS:\t" + rssKiB + " kB\n");
  }

  @Test
  void aProcessThatIsGoneYieldsNothing() {
    assertThat(new ProcessStats(proc).cpuSeconds(7)).isEmpty();
    assertThat(new ProcessStats(proc).rssKiB(7)).isEmpty();
  }

  @Test
  void theMachineBusyFractionComesFromTwoReadingsOfProcStat() throws IOException {
    ProcessStats stats = new ProcessStats(proc);
    Files.writeString(proc.resolve("stat"), "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3\n");
    ProcessStats.MachineTicks before = stats.machineTicks().orElseThrow();
    Files.writeString(proc.resolve("stat"), "cpu  200 0 200 900 100 0 0 0 0 0\ncpu0 1 2 3\n");

    assertThat(stats.machineTicks().orElseThrow().busyFractionSince(before)).hasValue(0.5);
  }

  @Test
  void rssAfterAFullGcAsksARealJvmForOneAndReadsItsRss() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcessStats.system().rssAfterFullGcKiB(self)).isPresent();
  }

  @Test
  void rssAfterAFullGcIsEmptyForAProcessThatIsNoJvm() throws IOException {
    Process notAJvm = new ProcessBuilder("sleep", "60").start();
    try {
      assertThat(ProcessStats.system().rssAfterFullGcKiB(notAJvm.pid())).isEmpty();
      assertThat(notAJvm.isAlive()).as("never signalled").isTrue();
      assertThat(ProcessStats.system().rssAfterFullGcKiB(-1)).isEmpty();
    } finally {
      notAJvm.destroyForcibly();
    }
  }
}
