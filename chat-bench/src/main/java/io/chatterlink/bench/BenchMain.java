package io.chatterlink.bench;

import picocli.CommandLine;

/**
 * The entry point of {@code chatterlink-bench.jar}: runs {@link BenchCommand} with the arguments
 * and exits with its status (0 on a completed run, 1 when the setup failed, 2 on a usage error).
 */
public final class BenchMain {
  private BenchMain() {}

  /** Parses {@code args}, runs one benchmark and exits the JVM with the command's status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
