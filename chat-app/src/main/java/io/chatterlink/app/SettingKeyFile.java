package io.chatterlink.app;

import io.chatterlink.crypto.KeyFile;
import io.chatterlink.crypto.KeyFileException;
import io.chatterlink.crypto.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key kept in a file under {@code DATA_DIR} when its setting is not given, through the library's
 * {@link KeyFiles} (made once, 0600, never replaced): this class adds the server's words, naming
 * the setting that would override the file, and its log events.
 */
final class SettingKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(SettingKeyFile.class);

  private final Path file;
  private final String setting;
  private final String whatItGuards;

  /**
   * @param file where the key lives
   * @param setting the environment variable that would override the file, named in messages
   * @param whatItGuards what losing the key costs, said when it is generated (e.g. "without it the
   *     stored messages cannot be read")
   */
  SettingKeyFile(Path file, String setting, String whatItGuards) {
    this.file = file;
    this.setting = setting;
    this.whatItGuards = whatItGuards;
  }

  Path file() {
    return file;
  }

  /**
   * The key in the file, generating it with {@code generator} if there is no file yet.
   *
   * @throws ConfigException if the file exists but is empty, too large or unreadable, or cannot be
   *     created
   */
  String loadOrCreate(Supplier<String> generator) {
    KeyFile key;
    try {
      key = KeyFiles.loadOrCreate(file, generator);
    } catch (KeyFileException e) {
      throw refusal(e);
    }
    if (key.created()) {
      LOG.warn(
          "event=key_generated setting={} file={} note=\"{} is not set, so a new key was generated"
              + " and stored in this file. Back it up: {}.\"",
          setting,
          file,
          setting,
          whatItGuards);
    } else if (key.readableByOthers()) {
      LOG.warn(
          "event=key_file_readable_by_others file={} permissions={} advice=\"chmod 600\"",
          file,
          permissions());
    }
    return key.key();
  }

  private ConfigException refusal(KeyFileException e) {
    switch (e.problem()) {
      case CANNOT_CREATE:
        return new ConfigException(
            setting,
            "is not set and "
                + file
                + " cannot be created ("
                + e.getCause().getClass().getSimpleName()
                + "); set "
                + setting
                + " or make DATA_DIR writable on a POSIX file system");
      case EMPTY:
        return new ConfigException(
            setting,
            file
                + " is empty; restore the key from a backup or set "
                + setting
                + " (it is never regenerated over an existing file)");
      case MISSING:
      case UNREADABLE:
      case TOO_LARGE:
        return new ConfigException(setting, e.getMessage());
      default:
        throw new AssertionError(e.problem());
    }
  }

  private String permissions() {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException | UnsupportedOperationException e) {
      return "unknown";
    }
  }
}
