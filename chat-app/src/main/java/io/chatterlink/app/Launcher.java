package io.chatterlink.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first thing {@code java -jar chatterlink.jar} does: when {@link JvmDefaults} apply, serve
 * from a child JVM with the chosen flags and the class-data archive, and end with its status. Uses
 * nothing but {@code java.base}, so that this JVM loads few classes and stays small while it waits.
 */
final class Launcher {
  private Launcher() {}

  /**
   * Serves from a child JVM and never returns if the JVM defaults apply; returns at once if they do
   * not, or if no child could be started (then this JVM serves, as with {@code JVM_DEFAULTS=off}).
   *
   * @throws ConfigException if {@code JVM_DEFAULTS} or the {@code .env} file is malformed
   */
  static void serveInChildIfDefault(
      String[] args, Map<String, String> environment, Path workDir, Terminal terminal) {
    Map<String, String> settings = settings(environment, workDir);
    Optional<List<String>> jvmArguments = ProcessHandle.current().info().arguments().map(List::of);
    if (!JvmDefaults.apply(jvmArguments, args, settings)) {
      return;
    }
    Optional<Path> jar = jarOf(Launcher.class);
    if (jar.isEmpty()) {
      return;
    }
    String javaHome = System.getProperty("java.home");
    long pid = ProcessHandle.current().pid();
    Optional<ClassDataArchive> archive =
        ClassDataArchive.beside(
            jar.get(),
            Path.of(javaHome, "lib", "server", "classes.jsa"),
            javaHome + " " + System.getProperty("java.vm.version"),
            JvmDefaults.FLAGS,
            pid);
    List<String> command =
        JvmDefaults.childCommand(
            Path.of(javaHome, "bin", "java").toString(),
            archive.map(ClassDataArchive::flags).orElse(List.of()),
            pid,
            jar.get().toString(),
            args);
    try {
      ChildJvm.runAndExit(command, status -> archive.ifPresent(a -> a.adopt(status)));
    } catch (IOException e) {
      terminal
          .err()
          .println(
              "chatterlink: could not start a JVM with the default flags ("
                  + e.getClass().getSimpleName()
                  + "); serving in this one");
    }
  }

  /** The environment over the {@code .env} file, an empty value counting as unset. */
  static Map<String, String> settings(Map<String, String> environment, Path workDir) {
    Map<String, String> settings = new HashMap<>(DotEnvFile.read(workDir.resolve(".env")));
    environment.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            settings.put(name, value);
          }
        });
    return settings;
  }

  /** The jar {@code type} was loaded from; empty when it came from a folder of classes. */
  static Optional<Path> jarOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
