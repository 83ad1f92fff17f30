package io.chatterlink.archfixture.persistence;

/** A storage adapter class that the web fixture reaches into. */
public final class StorageEngine {
  /** Some storage work. */
  public int rows() {
    return 1;
  }
}
