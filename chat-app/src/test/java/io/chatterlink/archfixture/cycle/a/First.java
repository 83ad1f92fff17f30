package io.chatterlink.archfixture.cycle.a;

import io.chatterlink.archfixture.cycle.b.Second;

/** Half of a package cycle: a uses b. */
public final class First {
  /** Uses the other package. */
  public Second next() {
    return new Second();
  }
}
