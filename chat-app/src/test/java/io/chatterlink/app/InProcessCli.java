package io.chatterlink.app;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The command line run in this JVM, for tests outside this package (the end-to-end tests). */
public final class InProcessCli {
  private InProcessCli() {}

  /**
   * Runs one command on the data in {@code dataDir} and returns what it printed on standard output.
   *
   * @param dataDir the server's data directory
   * @param args the command and its arguments, as typed
   * @return standard output
   * @throws AssertionError if the command fails, with its standard error
   */
  public static String run(Path dataDir, String... args) {
    Map<String, String> environment = new HashMap<>();
    environment.put("DATA_DIR", dataDir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new StringReader(""),
            Optional.empty());
    int status = Cli.run(args, environment, dataDir, terminal);
    if (status != Cli.OK) {
      throw new AssertionError(String.join(" ", args) + " failed (" + status + "): " + err);
    }
    return out.toString();
  }
}
