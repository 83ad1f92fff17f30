package io.chatterlink.crypto;

/**
 * A cryptographic setting (such as {@code FERNET_KEY}) is missing or malformed. The message names
 * the setting and the offending entry and never contains the setting's value; there is never a
 * cause, because causes from decoders may quote parts of the value.
 */
public final class CryptoConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where; must not contain any secret
   */
  public CryptoConfigurationException(String message) {
    super(message);
  }
}
