package io.chatterlink.app;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to serve a database whose messages were encrypted under a key the server does not hold.
 * Starting anyway would show every old message as unreadable and mix two keys' worth of data, and a
 * key generated over a lost one would hide the loss until it is too late.
 */
final class StoredKeyCheck {
  private StoredKeyCheck() {}

  /** The first stored body, if the database holds any message. */
  static Optional<EncryptedBody> firstStoredBody(MessageStore messages) {
    return messages.bodiesAfter(Optional.empty(), 1).stream()
        .findFirst()
        .map(MessageStore.BodyRecord::body);
  }

  /**
   * Decrypts {@code sample} (a stored body) with {@code cipher}.
   *
   * @param keySource where the key came from, for the message: the setting or the key file
   * @throws ConfigException naming FERNET_KEY if the cipher cannot decrypt it
   */
  static void requireDecryptable(
      Optional<EncryptedBody> sample, MessageCipher cipher, String keySource) {
    if (sample.isEmpty()) {
      return;
    }
    try {
      cipher.decrypt(sample.get());
    } catch (UndecryptableBodyException e) {
      throw new ConfigException(
          Settings.FERNET_KEY,
          "the database holds messages encrypted under a key that "
              + keySource
              + " does not contain. Refusing to start. Set FERNET_KEY to the key in use before"
              + " (a comma-separated list is allowed: new key first, old keys after, then run"
              + " rotate-keys)");
    }
  }

  /** The refusal when the key file is missing but the database holds messages. */
  static ConfigException missingKey(Path keyFile) {
    return new ConfigException(
        Settings.FERNET_KEY,
        "is not set and "
            + keyFile
            + " does not exist, but the database holds encrypted messages."
            + " Refusing to generate a new key over them: restore the key file from a backup or"
            + " set FERNET_KEY");
  }
}
