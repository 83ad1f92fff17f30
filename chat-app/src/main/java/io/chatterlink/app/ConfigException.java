package io.chatterlink.app;

/**
 * A setting is missing, malformed or out of range, or a key on disk cannot be used. The message
 * names the setting (or file) and what is expected; it never contains a secret value.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * Creates the failure.
   *
   * @param setting the environment variable (or file) at fault, e.g. {@code PORT}
   * @param problem what is wrong, without the offending value when it may be secret
   */
  public ConfigException(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
  }

  /** The setting at fault, e.g. {@code PORT}. */
  public String setting() {
    return setting;
  }
}
