package io.chatterlink.app;

import io.chatterlink.core.error.ChatException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; its subcommands reach the configuration and the terminal through it. */
@Command(
    name = "chatterlink",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description =
        "ChatterLink: a chat server with messages encrypted at rest.%n"
            + "Configured by environment variables and ./.env (see the README).",
    subcommands = {
      ServeCommand.class,
      CreateUserCommand.class,
      ResetPasswordCommand.class,
      RotateKeysCommand.class,
      RoomsCommand.class,
      ExportCommand.class,
      GenKeyCommand.class
    })
final class Cli implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private final Map<String, String> environment;
  private final Path workingDir;
  private final Terminal terminal;

  Cli(Map<String, String> environment, Path workingDir, Terminal terminal) {
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir;
    this.terminal = terminal;
  }

  /** Parses {@code args}, runs the command and returns the process's exit status. */
  static int run(
      String[] args, Map<String, String> environment, Path workingDir, Terminal terminal) {
    Cli cli = new Cli(environment, workingDir, terminal);
    if (servesWithoutParsing(args)) {
      // Serving takes no options, and picocli would first build its model of every command (by
      // reflection over their annotations): a tenth of a second of every cold start.
      return cli.serve();
    }
    CommandLine commandLine = new CommandLine(cli);
    commandLine.setOut(terminal.out());
    commandLine.setErr(terminal.err());
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> cli.report(e));
    return commandLine.execute(args);
  }

  /** True for the arguments that mean "serve" and nothing else: none, or just {@code serve}. */
  static boolean servesWithoutParsing(String[] args) {
    return Main.servesOnly(args);
  }

  /** Serves as picocli would run {@link ServeCommand}, failures reported the same way. */
  private int serve() {
    try {
      return new ServeCommand().serve(this);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return report(e);
    } catch (RuntimeException e) {
      return report(e);
    }
  }

  /** Without a subcommand: serve. */
  @Override
  public Integer call() throws InterruptedException {
    return new ServeCommand().serve(this);
  }

  AppConfig config() {
    return AppConfig.load(environment, workingDir);
  }

  Terminal terminal() {
    return terminal;
  }

  /** Known failures get one clear line; anything else is a bug and is logged with its trace. */
  private int report(Exception e) {
    if (e instanceof ConfigException || e instanceof ChatException) {
      terminal.err().println("chatterlink: " + e.getMessage());
    } else {
      LOG.error("event=command_failed", e);
      terminal
          .err()
          .println("chatterlink: unexpected " + e.getClass().getSimpleName() + "; see the log");
    }
    return FAILED;
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"chatterlink " + (version == null ? "development" : version)};
    }
  }
}
