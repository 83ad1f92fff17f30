package io.chatterlink.persistence;

import static io.chatterlink.persistence.internal.schema.Tables.ROOMS;

import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.LoginAttempts;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.RateWindows;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.core.port.out.UserStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * ChatterLink's storage on SQLite (the embedded default) or PostgreSQL, through jOOQ, with the
 * schema kept by Flyway migrations. The entry point of this module: open it with {@link #open},
 * hand it to the core ({@code ChatCore.builder().storage(storage)}; it is the core's {@link
 * io.chatterlink.core.port.out.Storage}) and its shared stores to the web adapter, close it on
 * shutdown.
 *
 * <p>Message writes are committed before they are acknowledged, and concurrent writes share commits
 * (group commit: up to {@value GroupCommitWriter#MAX_GROUP_SIZE} per transaction). Reads use a pool
 * of {@value #READ_CONNECTIONS} connections; other writes a pool of {@value #WRITE_CONNECTIONS}. A
 * history page holds at most {@link io.chatterlink.core.model.Limits#MAX_PAGE_SIZE} messages.
 *
 * <p>Thread-safe. Every store reports database failures as {@link UnavailableException}.
 */
public final class JooqStorage implements io.chatterlink.core.port.out.Storage, AutoCloseable {
  // The port is named in full above: this package has a helper of its own called Storage.

  /** Connections for reads (SQLite in WAL mode serves readers concurrently with the writer). */
  public static final int READ_CONNECTIONS = 4;

  /** Connections for writes other than messages (users, rooms, sessions, attachments). */
  public static final int WRITE_CONNECTIONS = 2;

  private static final System.Logger log = System.getLogger(JooqStorage.class.getName());

  static {
    // jOOQ announces itself at INFO: a banner and a "tip of the day" when it first renders SQL,
    // and "database version is supported" on the first connection. It logs through SLF4J where
    // the embedder has a provider, else through java.util.logging, which shows INFO on standard
    // error. These are jOOQ's documented switches (the version check still warns about an
    // unsupported database); an embedder who sets one keeps its own choice.
    setUnlessSet("org.jooq.no-logo", "true");
    setUnlessSet("org.jooq.no-tips", "true");
    setUnlessSet("org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "WARN");
  }

  private final ConnectionPool readPool;
  private final ConnectionPool writePool;
  private final GroupCommitWriter writer;
  private final CommitHealth commitHealth = new CommitHealth(System::nanoTime);
  private final UserStore users;
  private final RoomStore rooms;
  private final MessageStore messages;
  private final AttachmentStore attachments;
  private final SessionStore sessions;
  private final LoginAttempts loginAttempts;
  private final RateWindows rateWindows;
  private final SingleUseTokens singleUseTokens;
  private final DatabaseTarget target;
  private final Optional<WalCheckpointer> checkpointer;
  private boolean closed;

  private JooqStorage(DatabaseTarget target) {
    this.target = target;
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
            settings,
            commitHealth);
    this.users = new JooqUserStore(read, write);
    this.rooms = new JooqRoomStore(read, write);
    this.messages = new JooqMessageStore(read, write, writer);
    this.attachments = new JooqAttachmentStore(read, write);
    this.sessions = new JooqSessionStore(read, write);
    this.loginAttempts = new JooqLoginAttempts(read, write);
    this.rateWindows = new JooqRateWindows(write);
    this.singleUseTokens = new JooqSingleUseTokens(write);
    this.checkpointer =
        target
            .sqliteFile()
            .map(file -> WalCheckpointer.start(target.readUrl(), target.credentials()));
  }

  /**
   * Opens the database named by {@code settings}, creating the SQLite file and its folder if
   * missing, and migrates the schema to the newest version (Flyway runs only when the schema
   * history is not exactly the shipped migrations; see {@code SchemaMigration}).
   *
   * @param settings the database URL and, for SQLite, the durability
   * @return the open storage; close it to finish pending writes and release the connections
   * @throws IllegalArgumentException if the URL is not one of the accepted forms (the message names
   *     the setting {@code DATABASE_URL}, never its value)
   * @throws IllegalStateException if the URL is PostgreSQL's and this module's optional PostgreSQL
   *     dependencies ({@code org.postgresql:postgresql}, {@code
   *     org.flywaydb:flyway-database-postgresql}) are not on the class path; the message names the
   *     missing ones
   * @throws UnavailableException if the database cannot be reached or migrated
   */
  public static JooqStorage open(StorageSettings settings) {
    DatabaseTarget target = DatabaseTarget.parse(settings);
    target.sqliteFile().ifPresent(JooqStorage::createParentFolder);
    // Building the stores loads and initialises most of jOOQ, a large part of a cold start, and
    // needs no database (connections open on first use): it runs beside the migration.
    FutureTask<JooqStorage> stores =
        new FutureTask<>(
            () -> {
              JooqStorage storage = new JooqStorage(target);
              renderSampleQuery(target.dialect());
              return storage;
            });
    Thread builder = new Thread(stores, "chatterlink-storage-open");
    builder.setDaemon(true);
    builder.start();
    boolean migrated;
    try {
      migrated = migrate(target);
    } catch (RuntimeException e) {
      try {
        built(stores).close();
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
    JooqStorage storage = built(stores);
    log.log(
        Level.INFO,
        "Storage open on "
            + target.dialect().getName()
            + " with durability "
            + settings.durability()
            + ", schema "
            + (migrated ? "migrated" : "already current"));
    return storage;
  }

  /**
   * Renders, without running it, a query of the shape the first requests run (a filtered, ordered,
   * limited select). jOOQ loads and links its query and rendering classes on first use, a quarter
   * of a second that would otherwise fall on the first query after the migration.
   */
  private static void renderSampleQuery(SQLDialect dialect) {
    DSL.using(dialect)
        .select(ROOMS.ID, ROOMS.NAME)
        .from(ROOMS)
        .where(ROOMS.KIND.eq("sample"))
        .orderBy(ROOMS.NAME, ROOMS.ID)
        .limit(1)
        .getSQL();
  }

  private static JooqStorage built(FutureTask<JooqStorage> stores) {
    try {
      return stores.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while opening the storage", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new UnavailableException("the storage could not be opened", e.getCause());
    }
  }

  private static void setUnlessSet(String jooqSwitch, String value) {
    if (System.getProperty(jooqSwitch) == null) {
      System.setProperty(jooqSwitch, value);
    }
  }

  private static void createParentFolder(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UnavailableException("cannot create the folder of the database file", e);
    }
  }

  /** Migrates the schema unless it is current; true if Flyway ran. */
  private static boolean migrate(DatabaseTarget target) {
    try {
      SchemaMigration migration = SchemaMigration.shipped();
      if (isApplied(migration, target)) {
        return false;
      }
      migration.migrate(
          target.writeUrl(),
          target.credentials().getProperty("user", ""),
          target.credentials().getProperty("password", ""));
      return true;
    } catch (RuntimeException e) {
      throw new UnavailableException("the database could not be opened or migrated", e);
    }
  }

  private static boolean isApplied(SchemaMigration migration, DatabaseTarget target) {
    Connection connection = ConnectionPool.open(target.writeUrl(), target.credentials());
    try {
      return migration.isApplied(connection);
    } finally {
      ConnectionPool.closeQuietly(connection);
    }
  }

  /**
   * Whether several server processes may share this database: true for PostgreSQL, false for an
   * SQLite file, which belongs to one process (a cluster of nodes needs PostgreSQL).
   *
   * @return whether the database is PostgreSQL
   */
  public boolean isShareable() {
    return target.dialect() == SQLDialect.POSTGRES;
  }

  /**
   * A new physical connection to this database, outside the pools, with the same URL and
   * credentials: for a component that must hold a session of its own, such as a cluster bus that
   * {@code LISTEN}s. The caller closes it.
   *
   * @return a new connection, not from a pool
   * @throws UnavailableException if the database cannot be reached
   */
  public Connection openDirectConnection() {
    try {
      return ConnectionPool.open(target.writeUrl(), target.credentials());
    } catch (DataAccessException e) {
      throw new UnavailableException("cannot connect to the database", e);
    }
  }

  /**
   * Accounts.
   *
   * @return the user store on this database
   */
  @Override
  public UserStore users() {
    return users;
  }

  /**
   * Rooms and memberships.
   *
   * @return the room store, with its cache of member lists
   */
  @Override
  public RoomStore rooms() {
    return rooms;
  }

  /**
   * Rooms' message logs, with group commit.
   *
   * @return the message store; its writes return once committed
   */
  @Override
  public MessageStore messages() {
    return messages;
  }

  /**
   * Attachment metadata.
   *
   * @return the attachment store
   */
  @Override
  public AttachmentStore attachments() {
    return attachments;
  }

  /**
   * Login sessions.
   *
   * @return the session store
   */
  @Override
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * The login throttle's failed logins and trusted devices, shared by every server process.
   *
   * @return the login attempts store, for {@code ChatWeb.create}
   */
  @Override
  public LoginAttempts loginAttempts() {
    return loginAttempts;
  }

  /**
   * Sliding-window throttles (registrations, user searches), shared by every server process: an
   * attempt is checked and recorded atomically across processes.
   *
   * @return the rate windows store, for {@code ChatWeb.create}
   */
  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  /**
   * Spent single-use tokens (invite codes), shared by every server process and kept across
   * restarts.
   *
   * @return the single-use token store, for {@code ChatWeb.create}
   */
  @Override
  public SingleUseTokens singleUseTokens() {
    return singleUseTokens;
  }

  /**
   * True while this node's message commits are failing (a full disk, a database locked by someone
   * else, a lost connection): the latest message write failed and none has committed since, for at
   * most 30 seconds after that failure. For a health check; the failures themselves are logged as
   * {@code event=commits_failing}, at most one WARN line every 10 seconds with the count. It
   * describes this process's writes only (each node has its own). Cheap: reads two fields.
   *
   * @return whether this node's message commits are failing now
   */
  public boolean commitsFailing() {
    return commitHealth.failing();
  }

  /** The SQLite log's checkpointer; empty on PostgreSQL. */
  Optional<WalCheckpointer> walCheckpointer() {
    return checkpointer;
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
    checkpointer.ifPresent(WalCheckpointer::close);
    writePool.close();
    readPool.close();
  }
}
