package io.chatterlink.app;

import java.nio.file.Path;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The {@code chatterlink} command: {@code java -jar chatterlink.jar [command]}. Without a command
 * it serves; {@code --help} lists the others. Kept apart from {@link ChatServer} so that tests and
 * embedders start the server without a process of its own.
 */
public final class Main {
  private Main() {}

  /**
   * Runs a command and exits with its status: 0 success, 1 failure (the reason is printed), 2 a
   * usage error.
   */
  public static void main(String[] args) {
    // Libraries that log through java.util.logging (Tyrus) join our key=value lines on stderr.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int status = Cli.run(args, System.getenv(), Path.of("").toAbsolutePath(), Terminal.system());
    if (status != 0) {
      System.exit(status);
    }
  }
}
