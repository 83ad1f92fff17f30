package io.chatterlink.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dynamic class-data-sharing archive (JDK 13+, {@code -XX:ArchiveClassesAtExit}) of the classes
 * the server loads, kept beside the jar: a JVM that maps it skips parsing and verifying those
 * classes, about a third of a cold start. There is no archive for a newly built jar, so its first
 * server writes one when it stops gracefully ({@link #flags()} says which); every later start reads
 * it. The name carries a hash of the jar (path, size, time), the JVM and the flags, so a rebuilt
 * jar or another JDK never meets an archive the JVM would refuse. The archive is only as trusted as
 * the folder of the jar it sits beside, which is why it is never put anywhere else.
 */
final class ClassDataArchive {
  /** Exit statuses after which the child's archive is complete: normal end, SIGINT, SIGTERM. */
  static final Set<Integer> GRACEFUL_EXITS = Set.of(0, 130, 143);

  /**
   * Keeps the JVM quiet about the archive (classes it cannot archive, an archive it refuses): not
   * the operator's concern, and the server runs either way.
   */
  static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path archive;
  private final Path pending;

  private ClassDataArchive(Path archive, Path pending) {
    this.archive = archive;
    this.pending = pending;
  }

  /**
   * The archive for {@code jar} in the jar's folder, or empty when the folder cannot be written or
   * the JVM has no base archive to build on.
   *
   * @param jvmIdentity names the JVM (its home and version): another JVM needs another archive
   * @param flags the child's other flags, which the archive must agree with
   * @param launcherPid names the archive being written, so that two first starts never share one
   */
  static Optional<ClassDataArchive> beside(
      Path jar, Path baseArchive, String jvmIdentity, List<String> flags, long launcherPid) {
    Path dir = jar.toAbsolutePath().getParent();
    if (dir == null
        || !Files.isRegularFile(jar)
        || !Files.isRegularFile(baseArchive)
        || !Files.isWritable(dir)) {
      return Optional.empty();
    }
    try {
      String identity =
          jar.toAbsolutePath()
              + "|"
              + Files.size(jar)
              + "|"
              + Files.getLastModifiedTime(jar).toMillis()
              + "|"
              + jvmIdentity
              + "|"
              + String.join(" ", flags);
      String name = prefix(jar) + Long.toHexString(fnv1a(identity)) + ".jsa";
      return Optional.of(
          new ClassDataArchive(dir.resolve(name), dir.resolve(name + "." + launcherPid + ".tmp")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The child's flags: map the archive when there is one, else write it at exit (to a file of this
   * launcher's own, adopted by {@link #adopt(int)}).
   */
  List<String> flags() {
    String flag =
        Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)
            ? "-XX:SharedArchiveFile=" + archive
            : "-XX:ArchiveClassesAtExit=" + pending;
    return List.of(flag, QUIET.get(0), QUIET.get(1));
  }

  /** The archive's path (it may not exist yet). */
  Path path() {
    return archive;
  }

  /**
   * After the child ended with {@code exitStatus}: puts the archive it wrote in place (replacing
   * archives of other builds of the jar) if it ended gracefully, else discards what it left.
   * Idempotent; failures are ignored (the next start simply writes the archive again).
   */
  void adopt(int exitStatus) {
    try {
      if (!Files.isRegularFile(pending, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!GRACEFUL_EXITS.contains(exitStatus) || Files.size(pending) == 0) {
        Files.deleteIfExists(pending);
        return;
      }
      Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
      removeOtherArchives();
    } catch (IOException e) {
      // Not worth failing the exit for: the next start writes it again.
    }
  }

  private void removeOtherArchives() throws IOException {
    Path dir = archive.getParent();
    String prefix = archive.getFileName().toString();
    prefix = prefix.substring(0, prefix.lastIndexOf('-') + 1);
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path sibling : siblings) {
        if (!sibling.equals(archive) && !isPendingOfALiveLauncher(sibling)) {
          Files.deleteIfExists(sibling);
        }
      }
    }
  }

  /**
   * True for {@code NAME.jsa.PID.tmp} while process PID runs: another first start whose archive is
   * not written yet. Those of launchers that are gone (killed outright) are left-overs.
   */
  private static boolean isPendingOfALiveLauncher(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(".tmp")) {
      return false;
    }
    String withoutTmp = name.substring(0, name.length() - ".tmp".length());
    try {
      long pid = Long.parseLong(withoutTmp.substring(withoutTmp.lastIndexOf('.') + 1));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** {@code chatterlink.jar} gives {@code chatterlink-cds-}. */
  private static String prefix(Path jar) {
    String file = jar.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return (dot > 0 ? file.substring(0, dot) : file) + "-cds-";
  }

  /** 64-bit FNV-1a: a name, not a security measure (the JVM checks the jar itself). */
  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
