package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive beside the jar: written by a first start, read by the next ones. */
class ClassDataArchiveTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC");

  @TempDir Path dir;
  private Path jar;
  private Path base;

  @BeforeEach
  void jarAndBaseArchive() throws IOException {
    jar = Files.write(dir.resolve("chatterlink.jar"), new byte[] {1, 2, 3});
    base = Files.write(dir.resolve("classes.jsa"), new byte[] {4});
  }

  @Test
  void aFirstStartWritesTheArchiveAtExitAndAGracefulEndPutsItInPlaceForTheNext() throws Exception {
    ClassDataArchive first = archive(1);
    String flag = first.flags().get(0);
    assertThat(flag).startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("chatterlink-cds-"));
    assertThat(flag).endsWith(".jsa.1.tmp");
    assertThat(first.flags()).containsAll(ClassDataArchive.QUIET);
    Files.write(Path.of(flag.substring(flag.indexOf('=') + 1)), new byte[] {9, 9});

    first.adopt(143);

    assertThat(first.path()).hasBinaryContent(new byte[] {9, 9});
    assertThat(jsaAndTmpFiles()).containsExactly(first.path());
    assertThat(archive(2).flags().get(0)).isEqualTo("-XX:SharedArchiveFile=" + first.path());
  }

  @Test
  void whatAChildLeftAfterACrashOrAnEmptyFileIsDiscarded() throws Exception {
    for (int status : new int[] {1, 137}) {
      ClassDataArchive crashed = archive(status);
      Files.write(pendingOf(crashed), new byte[] {9});
      crashed.adopt(status);
      assertThat(jsaAndTmpFiles()).isEmpty();
    }
    ClassDataArchive empty = archive(3);
    Files.write(pendingOf(empty), new byte[0]);
    empty.adopt(0);
    assertThat(jsaAndTmpFiles()).isEmpty();
    empty.adopt(0); // nothing left to adopt: idempotent
  }

  @Test
  void aRebuiltJarAnotherJvmOrOtherFlagsNeedAnotherArchiveAndTheNewOneReplacesTheOld()
      throws Exception {
    ClassDataArchive old = archive(1);
    Files.write(pendingOf(old), new byte[] {1});
    old.adopt(0);

    Path otherJvm =
        ClassDataArchive.beside(jar, base, "/other-jdk 17.0.99", FLAGS, 2).orElseThrow().path();
    Path otherFlags =
        ClassDataArchive.beside(jar, base, "/jdk 17", List.of("-Xmx1g"), 2).orElseThrow().path();
    assertThat(otherJvm).isNotEqualTo(old.path());
    assertThat(otherFlags).isNotEqualTo(old.path()).isNotEqualTo(otherJvm);

    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    ClassDataArchive rebuilt = archive(2);
    assertThat(rebuilt.path()).isNotEqualTo(old.path());
    assertThat(rebuilt.flags().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
    Files.write(pendingOf(rebuilt), new byte[] {2});
    rebuilt.adopt(130);

    assertThat(jsaAndTmpFiles()).containsExactly(rebuilt.path());
  }

  @Test
  void aGracefulEndAlsoRemovesWhatLaunchersThatAreGoneLeftButNotWhatALiveOneIsWriting()
      throws Exception {
    long alive = ProcessHandle.current().pid();
    ClassDataArchive running = archive(alive);
    Files.write(pendingOf(running), new byte[] {1});
    long gone = deadPid();
    Path leftOver = Files.write(pendingOf(archive(gone)), new byte[] {1});

    ClassDataArchive done = archive(1);
    Files.write(pendingOf(done), new byte[] {2});
    done.adopt(0);

    assertThat(leftOver).doesNotExist();
    assertThat(pendingOf(running)).exists();
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    return ended.pid();
  }

  @Test
  void withoutTheJvmsBaseArchiveOrAJarThereIsNone() throws IOException {
    assertThat(ClassDataArchive.beside(jar, dir.resolve("none.jsa"), "/jdk 17", FLAGS, 1))
        .isEmpty();
    assertThat(ClassDataArchive.beside(dir.resolve("gone.jar"), base, "/jdk 17", FLAGS, 1))
        .isEmpty();
  }

  private ClassDataArchive archive(long launcherPid) {
    return ClassDataArchive.beside(jar, base, "/jdk 17", FLAGS, launcherPid).orElseThrow();
  }

  private static Path pendingOf(ClassDataArchive archive) {
    String flag = archive.flags().get(0);
    return Path.of(flag.substring(flag.indexOf('=') + 1));
  }

  private List<Path> jsaAndTmpFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("chatterlink-cds-")).toList();
    }
  }
}
