package io.chatterlink.archfixture.app;

/** The fixture's composition root, which the crypto fixture wrongly reaches up into. */
public final class Wiring {
  /** A setting of the root. */
  public static String keySetting() {
    return "fixture";
  }
}
