package io.chatterlink.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: runs the server until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve pages, API and WebSocket on HOST:PORT (the default).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand private Cli cli;

  @Override
  public Integer call() throws InterruptedException {
    return serve(cli);
  }

  int serve(Cli root) throws InterruptedException {
    AppConfig config = root.config();
    ChatServer server = ChatServer.start(config);
    // The JVM runs this on SIGTERM and SIGINT; close() is idempotent, so a later call is harmless.
    // The watchdog halts the process should the shutdown hang beyond its bound anyway.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ShutdownWatchdog.arm(config.shutdownGrace(), () -> Runtime.getRuntime().halt(1));
                  server.close();
                },
                "chatterlink-shutdown"));
    root.terminal().out().println("ChatterLink is serving " + server.uri());
    server.firstStartHint().ifPresent(root.terminal().out()::println);
    server.awaitClosed();
    return Cli.OK;
  }
}
