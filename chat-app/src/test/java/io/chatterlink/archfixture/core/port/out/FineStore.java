package io.chatterlink.archfixture.core.port.out;

/** An outbound port done right, so the rule has a conforming class beside the broken one. */
public interface FineStore {
  /** Stores a value. */
  void store(String value);
}
