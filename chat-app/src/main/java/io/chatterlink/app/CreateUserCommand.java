package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create-user NAME}: makes an account, whatever the registration mode. */
@Command(
    name = "create-user",
    mixinStandardHelpOptions = true,
    description =
        "Create an account. The password is read from the console (twice, not echoed)"
            + " or, without a console, as one line of standard input; never from the arguments.")
final class CreateUserCommand implements Callable<Integer> {
  @ParentCommand private Cli cli;

  @Parameters(index = "0", paramLabel = "USERNAME", description = "The login name.")
  private String username;

  @Option(
      names = "--display-name",
      paramLabel = "NAME",
      description = "Shown to others; default the username.")
  private String displayName;

  @Override
  public Integer call() {
    Optional<String> password = cli.terminal().readNewPassword(username);
    if (password.isEmpty()) {
      return Cli.FAILED;
    }
    try (Backend backend = Backend.open(cli.config())) {
      ChatCore core = backend.offlineCore();
      UserView user =
          core.accounts()
              .register(
                  new RegisterUser(username, password.get(), Optional.ofNullable(displayName)));
      cli.terminal().out().println("Created user " + user.username() + " (id " + user.id() + ")");
      return Cli.OK;
    }
  }
}
