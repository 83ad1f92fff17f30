package io.chatterlink.archfixture.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks "the test kit depends on the core, JUnit and AssertJ only": it uses SLF4J. */
public final class KitThatLogs {
  private static final Logger LOG = LoggerFactory.getLogger(KitThatLogs.class);

  /** Logs, which would add a dependency to every embedder's tests. */
  public void record() {
    LOG.info("recorded");
  }
}
