package io.chatterlink.archfixture.crypto;

import io.chatterlink.archfixture.app.Wiring;

/** Breaks "nothing depends on the app": an adapter asks the composition root for its key. */
public final class CryptoThatReadsTheApp {
  /** Reaches up into the app. */
  public String key() {
    return Wiring.keySetting();
  }
}
