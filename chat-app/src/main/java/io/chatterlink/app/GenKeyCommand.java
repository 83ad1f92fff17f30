package io.chatterlink.app;

import io.chatterlink.crypto.ChatCrypto;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gen-key}: prints a new Fernet key, for FERNET_KEY. */
@Command(
    name = "gen-key",
    mixinStandardHelpOptions = true,
    description =
        "Print a new Fernet key. To rotate: set FERNET_KEY=new,old, restart, run rotate-keys,"
            + " then drop the old key.")
final class GenKeyCommand implements Callable<Integer> {
  @ParentCommand private Cli cli;

  @Override
  public Integer call() {
    cli.terminal().out().println(ChatCrypto.generateKey());
    return Cli.OK;
  }
}
