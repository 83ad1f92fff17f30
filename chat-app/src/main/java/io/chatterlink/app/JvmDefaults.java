package io.chatterlink.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM flags the server runs with when it is started exactly as the README says ({@code java
 * -jar chatterlink.jar}, or with {@code serve}) and nobody chose any: the launcher then serves from
 * a child JVM started with {@link #FLAGS}. With its own ergonomics on a large machine the JVM picks
 * G1 and lets the heap grow to a quarter of the memory under any sustained allocation rate (0.7–1.1
 * GB of RSS for 50 clients); the serial collector with a small initial heap grows the heap only
 * with the data the server keeps, so a small server stays small and a large one still gets the
 * memory it needs (up to the JVM's default maximum, a quarter of the machine's memory).
 *
 * <p>Whoever chose flags keeps them: any JVM option on the command line, or in {@code
 * JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} or {@code _JAVA_OPTIONS}, and the process serves as
 * it was started. {@code JVM_DEFAULTS=off} does the same without any flag.
 */
final class JvmDefaults {
  /** {@code on} (the default) or {@code off}: whether the launcher may choose the JVM's flags. */
  static final String SETTING = "JVM_DEFAULTS";

  /** The variables through which the JVM takes options from the environment. */
  static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /**
   * The child JVM's flags besides class-data sharing: the serial collector (one thread, no
   * concurrent work: the cheapest collector per byte on two cores and the one that sizes its heap
   * by live data rather than by allocation rate), a 32 MiB initial heap to grow from, and a young
   * generation of 16 MiB, all of which is touched between collections (the JVM would otherwise grow
   * it to a third of the heap, 57 MiB after a burst of logins).
   */
  static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmn16m");

  /** The system property that tells a child JVM which process launched it. */
  static final String LAUNCHER_PID_PROPERTY = "chatterlink.launcher.pid";

  private JvmDefaults() {}

  /**
   * Whether this process should serve from a child JVM with chosen flags.
   *
   * @param jvmArguments this JVM's command line after the {@code java} executable (empty when the
   *     platform does not say: then never)
   * @param args the application's arguments
   * @param settings the environment, with the {@code .env} file's values under it
   * @throws ConfigException if {@code JVM_DEFAULTS} is neither {@code on} nor {@code off}
   */
  static boolean apply(
      Optional<List<String>> jvmArguments, String[] args, Map<String, String> settings) {
    boolean enabled = enabled(settings);
    return enabled
        && Main.servesOnly(args)
        && jvmArguments.map(JvmDefaults::isPlainJarLaunch).orElse(false)
        && JVM_OPTION_VARIABLES.stream().allMatch(name -> isBlank(settings.get(name)));
  }

  /** {@code JVM_DEFAULTS}, checked. */
  static boolean enabled(Map<String, String> settings) {
    String raw = settings.get(SETTING);
    if (isBlank(raw)) {
      return true;
    }
    switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "on":
        return true;
      case "off":
        return false;
      default:
        throw new ConfigException(SETTING, "must be one of on, off");
    }
  }

  /** True for {@code -jar FILE [args...]}: no JVM option before the jar. */
  static boolean isPlainJarLaunch(List<String> jvmArguments) {
    return jvmArguments.size() >= 2 && "-jar".equals(jvmArguments.get(0));
  }

  /**
   * The child's command: {@code java}, {@link #FLAGS}, the class-data-sharing flags, the launcher's
   * pid, then this jar's main class with the same arguments.
   */
  static List<String> childCommand(
      String javaExecutable,
      List<String> classDataFlags,
      long launcherPid,
      String classPath,
      String[] args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable);
    command.addAll(FLAGS);
    command.addAll(classDataFlags);
    command.add("-D" + LAUNCHER_PID_PROPERTY + "=" + launcherPid);
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
