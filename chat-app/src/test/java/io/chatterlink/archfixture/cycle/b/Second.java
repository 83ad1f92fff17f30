package io.chatterlink.archfixture.cycle.b;

import io.chatterlink.archfixture.cycle.a.First;

/** The other half of the cycle: b uses a. */
public final class Second {
  /** Uses the other package. */
  public First previous() {
    return new First();
  }
}
