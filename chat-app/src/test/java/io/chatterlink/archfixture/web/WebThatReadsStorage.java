package io.chatterlink.archfixture.web;

import io.chatterlink.archfixture.persistence.StorageEngine;

/** Breaks "adapters do not depend on each other": web uses persistence directly. */
public final class WebThatReadsStorage {
  /** Reads storage without going through the core. */
  public int rows() {
    return new StorageEngine().rows();
  }
}
