package io.chatterlink.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * The command line's intended output and input: the one class in main code that touches the
 * standard streams. Passwords are read here, from the console without echo when there is one, else
 * as one line of standard input (so scripts can pipe them in); never from arguments, which other
 * users see in {@code ps}.
 */
final class Terminal {
  private final PrintWriter out;
  private final PrintWriter err;
  private final BufferedReader in;
  private final Optional<Console> console;

  Terminal(PrintWriter out, PrintWriter err, Reader in, Optional<Console> console) {
    this.out = out;
    this.err = err;
    this.in = new BufferedReader(in);
    this.console = console;
  }

  /** The process's own streams. */
  static Terminal system() {
    Charset charset = Charset.defaultCharset();
    return new Terminal(
        new PrintWriter(System.out, true, charset),
        new PrintWriter(System.err, true, charset),
        new InputStreamReader(System.in, charset),
        Optional.ofNullable(System.console()));
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /**
   * A new password: typed twice at the console (the two must match), or one line of standard input
   * when there is no console.
   *
   * @return empty, after saying so on {@link #err()}, if the input ended or the two entries differ
   */
  Optional<String> readNewPassword(String forWhom) {
    Optional<String> password = readPasswordTwiceOrOnce(forWhom);
    if (password.isEmpty()) {
      err.println("chatterlink: no password given (or the two entries differ)");
    }
    return password;
  }

  private Optional<String> readPasswordTwiceOrOnce(String forWhom) {
    if (console.isPresent()) {
      char[] first = console.get().readPassword("New password for %s: ", forWhom);
      char[] second = console.get().readPassword("Repeat it: ");
      try {
        if (first == null || second == null || !Arrays.equals(first, second)) {
          return Optional.empty();
        }
        return Optional.of(new String(first));
      } finally {
        wipe(first);
        wipe(second);
      }
    }
    try {
      return Optional.ofNullable(in.readLine());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password from standard input", e);
    }
  }

  private static void wipe(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
