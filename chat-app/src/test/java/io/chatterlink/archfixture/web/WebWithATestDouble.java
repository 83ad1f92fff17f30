package io.chatterlink.archfixture.web;

import io.chatterlink.archfixture.testkit.KitThatLogs;

/** Breaks "production code does not depend on the test kit": an adapter uses a test double. */
public final class WebWithATestDouble {
  /** Records through the test kit, as a production class must not. */
  public void serve() {
    new KitThatLogs().record();
  }
}
