package io.chatterlink.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key kept in a file under {@code DATA_DIR} when its setting is not given: made once, readable by
 * the owner only (0600), and reused on every later start. An existing file is never replaced:
 * losing the Fernet key means losing every stored message.
 */
final class KeyFile {
  /** Owner read and write only. */
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** Largest key file read; keys are tens of bytes, lists of keys a few hundred. */
  static final long MAX_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

  private final Path file;
  private final String setting;
  private final String whatItGuards;

  /**
   * @param file where the key lives
   * @param setting the environment variable that would override the file, named in messages
   * @param whatItGuards what losing the key costs, said when it is generated (e.g. "without it the
   *     stored messages cannot be read")
   */
  KeyFile(Path file, String setting, String whatItGuards) {
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
   * @throws ConfigException if the file exists but is empty, too large or unreadable
   */
  String loadOrCreate(Supplier<String> generator) {
    if (Files.exists(file)) {
      return load();
    }
    String key = generator.get();
    try {
      Files.createDirectories(file.getParent());
      // CREATE_NEW: if another process made the file meanwhile, we fail rather than overwrite it.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return load();
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(
          setting,
          "is not set and "
              + file
              + " cannot be created ("
              + e.getClass().getSimpleName()
              + "); set "
              + setting
              + " or make DATA_DIR writable on a POSIX file system");
    }
    LOG.warn(
        "event=key_generated setting={} file={} note=\"{} is not set, so a new key was generated"
            + " and stored in this file. Back it up: {}.\"",
        setting,
        file,
        setting,
        whatItGuards);
    return key;
  }

  private String load() {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(setting, file + " is larger than " + MAX_BYTES + " bytes");
      }
      String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (key.isEmpty()) {
        throw new ConfigException(
            setting,
            file
                + " is empty; restore the key from a backup or set "
                + setting
                + " (it is never regenerated over an existing file)");
      }
      warnIfOthersCanRead();
      return key;
    } catch (IOException e) {
      throw new ConfigException(
          setting, file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void warnIfOthersCanRead() throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        LOG.warn(
            "event=key_file_readable_by_others file={} permissions={} advice=\"chmod 600\"",
            file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (UnsupportedOperationException e) {
      LOG.debug("event=key_file_permissions_unknown file={}", file);
    }
  }
}
