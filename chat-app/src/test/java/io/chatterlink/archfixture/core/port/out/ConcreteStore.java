package io.chatterlink.archfixture.core.port.out;

/** Breaks "outbound ports are interfaces": a class where an interface belongs. */
public class ConcreteStore {
  /** Pretends to store. */
  public void store(String value) {
    if (value.isEmpty()) {
      throw new StoreFailure("empty");
    }
  }
}
