package io.chatterlink.benchfixture;

/** A public type the rules allow: named like the real command. */
public final class BenchCommand {
  private BenchCommand() {}
}
