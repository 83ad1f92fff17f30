package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.StoredKeyCheck;
import io.chatterlink.core.UnreadableStoreException;
import io.chatterlink.core.model.UploadLimits;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.persistence.Durability;
import io.chatterlink.persistence.JooqStorage;
import io.chatterlink.persistence.StorageSettings;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage, keys and cryptography, opened and checked: what both the server and the offline CLI
 * commands stand on. Opening it resolves the Fernet key (from FERNET_KEY, or the key file in
 * DATA_DIR, generated on a first start) and refuses a database the key cannot read.
 */
final class Backend implements AutoCloseable {
  static final String FERNET_KEY_FILE = "fernet.key";
  static final String SECRET_KEY_FILE = "secret.key";

  /** Owner read, write and search only. */
  static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");

  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

  private final JooqStorage storage;
  private final MessageCipher cipher;
  private final String secretKey;
  private final UploadLimits uploadLimits;

  private Backend(
      JooqStorage storage, MessageCipher cipher, String secretKey, UploadLimits uploadLimits) {
    this.storage = storage;
    this.cipher = cipher;
    this.secretKey = secretKey;
    this.uploadLimits = uploadLimits;
  }

  /**
   * Opens the database and resolves the keys.
   *
   * @throws ConfigException if a setting or key file is unusable, or the database holds messages
   *     under a key the server does not have
   */
  static Backend open(AppConfig config) {
    createDataDir(config.dataDir());
    String secretKey =
        config
            .secretKey()
            .orElseGet(
                () ->
                    new SettingKeyFile(
                            config.dataDir().resolve(SECRET_KEY_FILE),
                            Settings.SECRET_KEY,
                            "it signs invite codes, and without it the invite codes given out"
                                + " so far stop working (no message or account is lost)")
                        .loadOrCreate(ChatCrypto::generateSecret));
    JooqStorage storage =
        JooqStorage.open(new StorageSettings(config.databaseUrl(), durability(config)));
    try {
      MessageCipher cipher = resolveCipher(config, storage.messages());
      return new Backend(storage, cipher, secretKey, config.uploadLimits());
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  private static MessageCipher resolveCipher(AppConfig config, MessageStore messages) {
    boolean holdsMessages = !messages.bodiesAfter(Optional.empty(), 1).isEmpty();
    String keySource;
    String setting;
    if (config.fernetKeys().isPresent()) {
      setting = config.fernetKeys().get();
      keySource = "FERNET_KEY";
    } else {
      SettingKeyFile file =
          new SettingKeyFile(
              config.dataDir().resolve(FERNET_KEY_FILE),
              Settings.FERNET_KEY,
              "it encrypts the stored messages, and without it they cannot be read");
      if (!Files.exists(file.file()) && holdsMessages) {
        throw missingKeyFile(file.file());
      }
      setting = file.loadOrCreate(ChatCrypto::generateKey);
      keySource = file.file().toString();
    }
    MessageCipher cipher = cipherFrom(setting, keySource);
    StoredKeyCheck.Result keys;
    try {
      keys = StoredKeyCheck.requireReadable(messages, cipher, keySource);
    } catch (UnreadableStoreException e) {
      throw new ConfigException(Settings.FERNET_KEY, e.getMessage() + ". Refusing to start");
    }
    if (keys.unidentified() > 0) {
      LOG.warn(
          "event=unidentified_bodies count={} reason=\"stored before key fingerprints, verified by"
              + " no key: corrupt, served as unreadable\"",
          keys.unidentified());
    }
    LOG.info(
        "event=keys_ready fernet_key_source={} key_fingerprints={} bodies_fingerprinted={}",
        keySource,
        keys.held(),
        keys.identified());
    return cipher;
  }

  /** The refusal when the key file is missing but the database holds messages. */
  private static ConfigException missingKeyFile(Path keyFile) {
    return new ConfigException(
        Settings.FERNET_KEY,
        "is not set and "
            + keyFile
            + " does not exist, but the database holds encrypted messages."
            + " Refusing to generate a new key over them: restore the key file from a backup or"
            + " set FERNET_KEY");
  }

  private static MessageCipher cipherFrom(String setting, String keySource) {
    try {
      return ChatCrypto.cipherFromSetting(setting);
    } catch (IllegalArgumentException e) {
      // The crypto module's message starts with the setting's name (and never shows the value);
      // ConfigException names it once already.
      String prefix = Settings.FERNET_KEY + ": ";
      String problem =
          e.getMessage().startsWith(prefix)
              ? e.getMessage().substring(prefix.length())
              : e.getMessage();
      throw new ConfigException(
          Settings.FERNET_KEY,
          keySource.equals(Settings.FERNET_KEY) ? problem : "in " + keySource + ", " + problem);
    }
  }

  private static Durability durability(AppConfig config) {
    switch (config.durability()) {
      case NORMAL:
        return Durability.NORMAL;
      case FULL:
        return Durability.FULL;
      default:
        throw new AssertionError(config.durability());
    }
  }

  /**
   * Creates DATA_DIR for the owner only (0700) when it is missing: it holds the keys, the database
   * (password hashes, session digests) and the uploads. An existing folder keeps its permissions.
   */
  private static void createDataDir(Path dataDir) {
    try {
      if (!Files.isDirectory(dataDir)) {
        Files.createDirectories(dataDir.getParent());
        Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      }
    } catch (FileAlreadyExistsException e) {
      // made meanwhile by another process: use it as it is
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(
          Settings.DATA_DIR, dataDir + " cannot be created (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * A core for the operator commands, which run beside (or instead of) a server: there are no
   * connections in this process to deliver events to. Clients of a server running at the same time
   * catch up through resync, and revoked sessions are gone from the database, so that server
   * refuses them at the next authentication.
   */
  ChatCore offlineCore() {
    return core(Delivery.none(), storage.messages(), Optional.empty());
  }

  /** A single-node core on this storage that hands its events to {@code delivery}. */
  ChatCore core(Delivery delivery, MessageStore messages) {
    return core(delivery, messages, Optional.empty());
  }

  /**
   * A core on this storage that hands its events to {@code delivery}: one node of a cluster when
   * {@code bus} is given (the caller closes the core, then the bus).
   */
  ChatCore core(Delivery delivery, MessageStore messages, Optional<ClusterBus> bus) {
    ChatCore.Builder builder = ChatCore.builder();
    bus.ifPresent(builder::cluster);
    return builder
        .users(storage.users())
        .rooms(storage.rooms())
        .messages(messages)
        .attachments(storage.attachments())
        .sessions(storage.sessions())
        .cipher(cipher)
        .passwordHasher(ChatCrypto.passwordHasher())
        .delivery(delivery)
        .uploadLimits(uploadLimits)
        .build();
  }

  /** True when the database answers a query; for {@code /healthz}. */
  boolean databaseAnswers() {
    storage.rooms().listPublic(1);
    return true;
  }

  JooqStorage storage() {
    return storage;
  }

  String secretKey() {
    return secretKey;
  }

  /** Closes the database; a second call does nothing. */
  @Override
  public void close() {
    storage.close();
  }
}
