package io.chatterlink.archfixture.core.port.out;

/** An exception a port declares: allowed, and the fixture test checks it is not reported. */
public class StoreFailure extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The failure. */
  public StoreFailure(String message) {
    super(message);
  }
}
