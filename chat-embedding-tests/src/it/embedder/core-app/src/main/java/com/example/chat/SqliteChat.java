package com.example.chat;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.StoredKeyCheck;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.crypto.KeyFile;
import io.chatterlink.crypto.KeyFiles;
import io.chatterlink.persistence.Durability;
import io.chatterlink.persistence.JooqStorage;
import io.chatterlink.persistence.StorageSettings;
import java.nio.file.Path;

/**
 * ChatterLink's core with real adapters: an SQLite file, message bodies encrypted with a Fernet key
 * kept in a file beside it, passwords hashed with Argon2id.
 */
public final class SqliteChat implements AutoCloseable {
  private final KeyFile key;
  private final JooqStorage storage;
  private final ChatCore core;

  private SqliteChat(KeyFile key, JooqStorage storage, ChatCore core) {
    this.key = key;
    this.storage = storage;
    this.core = core;
  }

  /**
   * Opens the chat kept in {@code dataDir}, creating the folder, the key and the database on the
   * first start.
   *
   * @param delivery where the core pushes events: a transport's, or {@code Delivery.none()}
   */
  public static SqliteChat open(Path dataDir, Delivery delivery) {
    // Generated once (0600, written atomically), never replaced. Back it up: without it the
    // messages cannot be read.
    KeyFile key = KeyFiles.loadOrCreate(dataDir.resolve("fernet.key"), ChatCrypto::generateKey);
    MessageCipher cipher = ChatCrypto.cipherFromSetting(key.key());
    String url = "jdbc:sqlite:" + dataDir.resolve("chat.db");
    JooqStorage storage = JooqStorage.open(new StorageSettings(url, Durability.NORMAL));
    try {
      // Refuses (UnreadableStoreException) a database with messages under a key the file lacks,
      // instead of starting and showing every one of them as unreadable.
      StoredKeyCheck.requireReadable(storage.messages(), cipher, key.path().toString());
      ChatCore core =
          ChatCore.builder()
              .storage(storage) // every store of this database
              .cipher(cipher)
              .passwordHasher(ChatCrypto.passwordHasher())
              .delivery(delivery)
              .build();
      return new SqliteChat(key, storage, core);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /** The use cases. */
  public ChatCore core() {
    return core;
  }

  /**
   * True on the first start: the key was generated just now, and the operator should back it up.
   */
  public boolean keyCreated() {
    return key.created();
  }

  /** Finishes pending writes and closes the database. */
  @Override
  public void close() {
    storage.close();
  }
}
