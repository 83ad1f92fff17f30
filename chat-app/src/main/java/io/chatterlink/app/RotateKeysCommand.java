package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.port.in.ReencryptMessages.Progress;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rotate-keys}: re-encrypts every stored body under the primary (first) key of FERNET_KEY.
 * Safe while the server runs: a body changed meanwhile is left alone, and a second run finishes
 * what an interrupted one started.
 */
@Command(
    name = "rotate-keys",
    mixinStandardHelpOptions = true,
    description =
        "Re-encrypt every stored message under the first key of FERNET_KEY, printing progress.")
final class RotateKeysCommand implements Callable<Integer> {
  /** Largest batch the core accepts. */
  static final int MAX_BATCH = 10_000;

  @ParentCommand private Cli cli;

  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description = "Bodies per transaction, 1 to 10000 (default ${DEFAULT-VALUE}).")
  private int batchSize;

  @Override
  public Integer call() {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      cli.terminal().err().println("chatterlink: --batch-size must be 1 to " + MAX_BATCH);
      return Cli.FAILED;
    }
    try (Backend backend = Backend.open(cli.config())) {
      ChatCore core = backend.offlineCore();
      long examined = 0;
      long rewritten = 0;
      Optional<String> cursor = Optional.empty();
      Progress progress;
      do {
        progress = core.reencryption().reencryptBatch(cursor, batchSize);
        examined += progress.examined();
        rewritten += progress.rewritten();
        cursor = progress.cursor();
        cli.terminal().out().println("examined " + examined + ", re-encrypted " + rewritten);
      } while (!progress.done());
      cli.terminal().out().println("done: every message is under the primary key");
      return Cli.OK;
    }
  }
}
