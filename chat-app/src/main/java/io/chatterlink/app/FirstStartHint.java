package io.chatterlink.app;

import java.net.URI;
import java.util.Optional;

/**
 * What to do next, said once at start while the database holds no account yet: open the page and
 * create the first account (registration is open by default, and how to close it), or, when
 * registration is not open, create it with {@code create-user}.
 */
final class FirstStartHint {
  private FirstStartHint() {}

  /** The hint, or empty once an account exists. */
  static Optional<String> of(URI uri, AppConfig.Registration registration, boolean anyAccount) {
    if (anyAccount) {
      return Optional.empty();
    }
    if (registration == AppConfig.Registration.OPEN) {
      return Optional.of(
          "No account yet: open "
              + uri
              + " in a browser and create the first one. Registration is open to anyone who"
              + " reaches this address; to close it, set REGISTRATION=invite (invite codes only)"
              + " or REGISTRATION=closed and restart.");
    }
    return Optional.of(
        "No account yet and REGISTRATION="
            + registration.name().toLowerCase(java.util.Locale.ROOT)
            + ": create the first one with 'java -jar chatterlink.jar create-user NAME', then"
            + " open "
            + uri
            + " in a browser.");
  }
}
