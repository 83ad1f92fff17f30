package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code reset-password NAME}: sets a new password and ends every session of the user. */
@Command(
    name = "reset-password",
    mixinStandardHelpOptions = true,
    description =
        "Set a user's password without the old one and log them out everywhere. The"
            + " password is read like create-user's, never from the arguments.")
final class ResetPasswordCommand implements Callable<Integer> {
  @ParentCommand private Cli cli;

  @Parameters(index = "0", paramLabel = "USERNAME", description = "The login name.")
  private String username;

  @Override
  public Integer call() {
    Optional<String> password = cli.terminal().readNewPassword(username);
    if (password.isEmpty()) {
      return Cli.FAILED;
    }
    try (Backend backend = Backend.open(cli.config())) {
      ChatCore core = backend.offlineCore();
      core.accounts().resetPassword(username, password.get());
      cli.terminal().out().println("Password of " + username + " reset; their sessions are ended");
      return Cli.OK;
    }
  }
}
