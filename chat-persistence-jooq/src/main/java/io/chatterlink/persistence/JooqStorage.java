package io.chatterlink.persistence;

import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ChatterLink's storage on SQLite (the embedded default) or PostgreSQL, through jOOQ, with the
 * schema kept by Flyway migrations. The entry point of this module: open it with {@link #open},
 * hand its stores to the core, close it on shutdown.
 *
 * <p>Message writes are committed before they are acknowledged, and concurrent writes share commits
 * (group commit: up to {@value GroupCommitWriter#MAX_GROUP_SIZE} per transaction). Reads use a pool
 * of {@value #READ_CONNECTIONS} connections; other writes a pool of {@value #WRITE_CONNECTIONS}. A
 * history page holds at most {@link io.chatterlink.core.model.Limits#MAX_PAGE_SIZE} messages.
 *
 * <p>Thread-safe. Every store reports database failures as {@link UnavailableException}.
 */
public final class JooqStorage implements AutoCloseable {
  /** Connections for reads (SQLite in WAL mode serves readers concurrently with the writer). */
  public static final int READ_CONNECTIONS = 4;

  /** Connections for writes other than messages (users, rooms, sessions, attachments). */
  public static final int WRITE_CONNECTIONS = 2;

  private static final Logger log = LoggerFactory.getLogger(JooqStorage.class);

  private final ConnectionPool readPool;
  private final ConnectionPool writePool;
  private final GroupCommitWriter writer;
  private final UserStore users;
  private final RoomStore rooms;
  private final MessageStore messages;
  private final AttachmentStore attachments;
  private final SessionStore sessions;
  private boolean closed;

  private JooqStorage(DatabaseTarget target) {
    // Never log SQL: bind values hold message tokens and password hashes.
    Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    this.readPool = new ConnectionPool(target.readUrl(), target.credentials(), READ_CONNECTIONS);
    this.writePool = new ConnectionPool(target.writeUrl(), target.credentials(), WRITE_CONNECTIONS);
    DSLContext read = DSL.using(readPool, target.dialect(), settings);
    DSLContext write = DSL.using(writePool, target.dialect(), settings);
    this.writer =
        new GroupCommitWriter(
            () -> ConnectionPool.open(target.writeUrl(), target.credentials()),
            target.dialect(),
            settings);
    this.users = new JooqUserStore(read, write);
    this.rooms = new JooqRoomStore(read, write);
    this.messages = new JooqMessageStore(read, write, writer);
    this.attachments = new JooqAttachmentStore(read, write);
    this.sessions = new JooqSessionStore(read, write);
  }

  /**
   * Opens the database named by {@code settings}, creating the SQLite file and its folder if
   * missing, and migrates the schema to the newest version.
   *
   * @throws IllegalArgumentException if the URL is not one of the accepted forms (the message names
   *     the setting {@code DATABASE_URL}, never its value)
   * @throws UnavailableException if the database cannot be reached or migrated
   */
  public static JooqStorage open(StorageSettings settings) {
    DatabaseTarget target = DatabaseTarget.parse(settings);
    target.sqliteFile().ifPresent(JooqStorage::createParentFolder);
    migrate(target);
    log.info(
        "Storage open on {} with durability {}", target.dialect().getName(), settings.durability());
    return new JooqStorage(target);
  }

  private static void createParentFolder(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UnavailableException("cannot create the folder of the database file", e);
    }
  }

  private static void migrate(DatabaseTarget target) {
    try {
      Flyway.configure()
          .dataSource(
              target.writeUrl(),
              target.credentials().getProperty("user", ""),
              target.credentials().getProperty("password", ""))
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new UnavailableException("the database could not be opened or migrated", e);
    }
  }

  /** Accounts. */
  public UserStore users() {
    return users;
  }

  /** Rooms and memberships. */
  public RoomStore rooms() {
    return rooms;
  }

  /** Rooms' message logs, with group commit. */
  public MessageStore messages() {
    return messages;
  }

  /** Attachment metadata. */
  public AttachmentStore attachments() {
    return attachments;
  }

  /** Login sessions. */
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * Finishes every message write already accepted, then closes every connection. Calls made after
   * close fail with {@link UnavailableException}. Idempotent: a second call does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.close();
    writePool.close();
    readPool.close();
  }
}
