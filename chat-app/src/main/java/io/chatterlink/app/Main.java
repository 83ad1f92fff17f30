package io.chatterlink.app;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The {@code chatterlink} command: {@code java -jar chatterlink.jar [command]}. Without a command
 * it serves; {@code --help} lists the others. Kept apart from {@link ChatServer} so that tests and
 * embedders start the server without a process of its own. Started with no JVM option at all, it
 * serves from a child JVM with chosen flags ({@link JvmDefaults}, {@link Launcher}).
 */
public final class Main {
  private Main() {}

  /**
   * Runs a command and exits with its status: 0 success, 1 failure (the reason is printed), 2 a
   * usage error.
   */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    Path workingDir = Path.of("").toAbsolutePath();
    Terminal terminal = Terminal.system();
    try {
      Launcher.serveInChildIfDefault(args, environment, workingDir, terminal);
    } catch (ConfigException e) {
      terminal.err().println("chatterlink: " + e.getMessage());
      System.exit(Cli.FAILED);
    }
    run(args, environment, workingDir, terminal);
  }

  /** True for the arguments that mean "serve" and nothing else: none, or just {@code serve}. */
  static boolean servesOnly(String[] args) {
    return args.length == 0 || (args.length == 1 && "serve".equals(args[0]));
  }

  private static void run(
      String[] args, Map<String, String> environment, Path workingDir, Terminal terminal) {
    // Libraries that log through java.util.logging (Tyrus) join our key=value lines on stderr.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    LauncherWatch.startIfLaunched();
    int status = Cli.run(args, environment, workingDir, terminal);
    if (status != 0) {
      System.exit(status);
    }
  }
}
