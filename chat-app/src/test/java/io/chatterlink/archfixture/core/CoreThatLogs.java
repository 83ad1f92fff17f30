package io.chatterlink.archfixture.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks "core depends on the JDK only": it uses SLF4J. */
public final class CoreThatLogs {
  private static final Logger LOG = LoggerFactory.getLogger(CoreThatLogs.class);

  /** Logs, which the core must leave to adapters. */
  public void work() {
    LOG.info("working");
  }
}
