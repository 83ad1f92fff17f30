package io.chatterlink.persistence;

import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.UnavailableException;
import io.chatterlink.core.model.RoomId;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Commit before acknowledge, with group commit. Every message write goes through one thread that
 * takes whatever is queued (up to {@link #MAX_GROUP_SIZE} operations), applies it in one
 * transaction and commits once; only then does each caller's {@link #execute} return. Many
 * concurrent senders thus share one commit (one fsync) instead of paying one each.
 *
 * <p>Each group first locks the seq counters of its appends' rooms, in sorted order (see {@link
 * SeqCounters}): what keeps seqs right when several processes write to one database.
 *
 * <p>If a statement fails, the group is rolled back and each operation retried in a transaction of
 * its own, so one bad write cannot fail its neighbours; one that lost a race with another process
 * ({@link TransientConflict}) is tried again, up to {@value #MAX_ATTEMPTS_ALONE} times in all. If
 * the commit itself fails, every operation of the group fails with {@link UnavailableException}:
 * none is reported stored. Every committed group and every failed write is reported to the {@link
 * CommitHealth}, which logs failures (rate-limited) and tells the node's health check that commits
 * are failing.
 */
final class GroupCommitWriter implements AutoCloseable {
  /** Most operations committed in one transaction. */
  static final int MAX_GROUP_SIZE = 256;

  /**
   * Most operations waiting for the writer; a caller waits for room up to {@link
   * #ENQUEUE_TIMEOUT_SECONDS}.
   */
  static final int MAX_QUEUED = 8_192;

  /** How long a caller waits for room in a full queue before failing as unavailable. */
  static final int ENQUEUE_TIMEOUT_SECONDS = 30;

  /**
   * Most transactions one operation is tried in alone, after its group failed, while it fails on a
   * transient conflict with another process (see {@link TransientConflict}).
   */
  static final int MAX_ATTEMPTS_ALONE = 5;

  private static final System.Logger log = System.getLogger(GroupCommitWriter.class.getName());
  private static final QueuedWrite STOP = new QueuedWrite(Optional.empty(), batch -> null);

  private final Supplier<Connection> connections;
  private final SQLDialect dialect;
  private final Settings settings;
  private final BlockingQueue<QueuedWrite> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final ReadWriteLock closing = new ReentrantReadWriteLock();
  private final Thread thread;
  private final CommitHealth health;
  private boolean closed;
  private MessageWriteSql sql;
  private MessageWriteStatements statements;

  GroupCommitWriter(
      Supplier<Connection> connections,
      SQLDialect dialect,
      Settings settings,
      CommitHealth health) {
    this.connections = connections;
    this.health = health;
    this.dialect = dialect;
    this.settings = settings;
    this.thread = new Thread(this::run, "chatterlink-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Runs {@code operation} in the next group and returns its result once the group committed.
   *
   * @throws UnavailableException if the write failed or the writer is closed; nothing was written
   * @throws ChatException the operation's own domain failure (then it wrote nothing)
   */
  <T> T execute(Function<MessageWriteBatch, T> operation) {
    return execute(new QueuedWrite(Optional.empty(), operation::apply));
  }

  /**
   * As {@link #execute(Function)}, for an operation that takes a seq in {@code room} (an append):
   * the writer locks the room's counter at the start of the group, with the group's other rooms in
   * sorted order.
   */
  <T> T execute(RoomId room, Function<MessageWriteBatch, T> operation) {
    return execute(new QueuedWrite(Optional.of(room.value()), operation::apply));
  }

  /**
   * As {@link #execute(RoomId, Function)} without waiting: the operation is queued before this
   * returns (so one thread's operations run in the order it started them), and the future completes
   * on the writer thread once the group committed, or exceptionally with the operation's {@link
   * ChatException} or an {@link UnavailableException}.
   */
  <T> CompletableFuture<T> executeAsync(RoomId room, Function<MessageWriteBatch, T> operation) {
    QueuedWrite pending = new QueuedWrite(Optional.of(room.value()), operation::apply);
    try {
      enqueue(pending);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    pending
        .result()
        .whenComplete(
            (value, failure) -> {
              if (failure == null) {
                @SuppressWarnings("unchecked")
                T typed = (T) value;
                result.complete(typed);
              } else {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                result.completeExceptionally(
                    cause instanceof ChatException
                        ? cause
                        : new UnavailableException("storing the message failed", cause));
              }
            });
    return result;
  }

  private <T> T execute(QueuedWrite pending) {
    enqueue(pending);
    try {
      @SuppressWarnings("unchecked")
      T result = (T) pending.result().join();
      return result;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ChatException failure) {
        throw failure;
      }
      throw new UnavailableException("storing the message failed", e.getCause());
    }
  }

  private void enqueue(QueuedWrite pending) {
    closing.readLock().lock();
    try {
      if (closed) {
        throw new UnavailableException("the storage is closed");
      }
      if (!queue.offer(pending, ENQUEUE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        UnavailableException overloaded = new UnavailableException("the storage is overloaded");
        health.failed(overloaded);
        throw overloaded;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted before the message was queued", e);
    } finally {
      closing.readLock().unlock();
    }
  }

  /** Operations waiting for the writer (for tests that line up a group). */
  int queued() {
    return queue.size();
  }

  private void run() {
    List<QueuedWrite> group = new ArrayList<>(MAX_GROUP_SIZE);
    boolean stopping = false;
    while (!stopping) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(group, MAX_GROUP_SIZE - 1);
      stopping = group.remove(STOP);
      if (!group.isEmpty()) {
        writeGroupOrFailIt(group);
      }
      group.clear();
    }
    closeConnection();
  }

  /** Keeps the writer alive whatever happens, so that no caller waits forever. */
  private void writeGroupOrFailIt(List<QueuedWrite> group) {
    try {
      writeGroup(group);
    } catch (Throwable t) {
      // Even an Error (out of memory, say) must release every caller waiting on this group.
      log.log(Level.ERROR, "The message writer failed unexpectedly", t);
      discardConnection();
      failAll(group, new UnavailableException("storing the message failed", t));
    }
  }

  /**
   * Writes the group in one transaction. If an operation's statement fails, the group is rolled
   * back and each operation retried in a transaction of its own, so one bad write cannot fail its
   * neighbours; a write alone that fails on a transient conflict with another process is retried.
   * Alone, appends look their message id up first, so an id taken by another message fails that
   * append alone with a {@link io.chatterlink.core.error.ConflictException}, as the port says.
   */
  private void writeGroup(List<QueuedWrite> group) {
    RuntimeException failure = attempt(group, false);
    if (failure == null) {
      return;
    }
    if (group.size() == 1 && !TransientConflict.is(failure) && !KeyViolation.is(failure)) {
      // Logged by the health, at most every few seconds: a full disk fails every write.
      failAll(group, new UnavailableException("storing the message failed", failure));
      return;
    }
    // A group of one has had its first attempt alone already (without the id checks).
    int attemptsMade = group.size() == 1 ? 1 : 0;
    for (QueuedWrite pending : group) {
      pending.reset();
      writeAlone(pending, attemptsMade, failure);
    }
  }

  /**
   * Writes one operation in a transaction of its own, again (up to {@link #MAX_ATTEMPTS_ALONE}
   * attempts alone in all, counting {@code attemptsMade}) while it fails on a transient conflict: a
   * deadlock or serialization failure, or a duplicate key that another process committed meanwhile
   * (the next attempt's resend check finds its row).
   */
  private void writeAlone(QueuedWrite pending, int attemptsMade, RuntimeException groupFailure) {
    RuntimeException failure = groupFailure;
    for (int attempt = attemptsMade + 1; attempt <= MAX_ATTEMPTS_ALONE; attempt++) {
      failure = attempt(List.of(pending), true);
      if (failure == null) {
        return;
      }
      if (!TransientConflict.is(failure)) {
        break;
      }
      pending.reset();
      if (log.isLoggable(Level.DEBUG)) {
        log.log(
            Level.DEBUG, "event=write_retried attempt=" + attempt + " reason=transient_conflict");
      }
    }
    failAll(List.of(pending), new UnavailableException("storing the message failed", failure));
  }

  /**
   * One transaction: locks the seq counters of the group's appends' rooms (sorted), applies every
   * operation, commits and completes the group. Returns the failure of an operation's statements
   * (the transaction then rolled back, nothing completed), or null once the group is done:
   * committed or, if the commit or the connection failed, failed as a whole.
   */
  private RuntimeException attempt(List<QueuedWrite> group, boolean alone) {
    try {
      MessageWriteStatements open = statements();
      Connection c = open.connection();
      c.setAutoCommit(false);
      try {
        MessageWriteBatch batch =
            new MessageWriteBatch(open, () -> DSL.using(c, dialect, settings), alone);
        batch.lockRooms(roomsOf(group));
        for (QueuedWrite pending : group) {
          pending.applyTo(batch);
        }
        batch.flush();
      } catch (RuntimeException e) {
        rollback(c);
        return e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c);
        failAll(group, new UnavailableException("the database refused the commit", e));
        return null;
      }
      // Committed: acknowledge first, whatever happens to the connection afterwards. The health
      // hears of it before the callers do, so that a caller who got its answer sees it too.
      health.committed();
      group.forEach(QueuedWrite::complete);
      endTransactionMode(c);
    } catch (SQLException | RuntimeException e) {
      discardConnection();
      failAll(group, new UnavailableException("the database is unavailable", e));
    }
    return null;
  }

  /** The rooms the group's appends take seqs in, in the one order every node locks them in. */
  private static SortedSet<String> roomsOf(List<QueuedWrite> group) {
    SortedSet<String> rooms = new TreeSet<>();
    for (QueuedWrite pending : group) {
      pending.room().ifPresent(rooms::add);
    }
    return rooms;
  }

  private void failAll(List<QueuedWrite> group, UnavailableException failure) {
    group.forEach(pending -> health.failed(failure));
    group.forEach(pending -> pending.result().completeExceptionally(failure));
  }

  /**
   * The writer's connection with its prepared statements, opened on first use and again after a
   * failure discarded it. The statements' text is rendered once, here on the writer thread, so
   * opening the storage does not pay for it.
   */
  private MessageWriteStatements statements() {
    if (statements == null) {
      if (sql == null) {
        sql = new MessageWriteSql(dialect, settings);
      }
      statements = new MessageWriteStatements(connections.get(), sql);
    }
    return statements;
  }

  private void endTransactionMode(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      discardConnection();
    }
  }

  private void rollback(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      discardConnection();
    }
  }

  private void discardConnection() {
    if (statements != null) {
      statements.close();
      ConnectionPool.closeQuietly(statements.connection());
      statements = null;
    }
  }

  private void closeConnection() {
    discardConnection();
  }

  /**
   * Most seconds {@link #close()} waits for the writes already queued. A commit that hangs (a
   * stalled disk, a database locked by another process) must not hold a shutdown for ever.
   */
  static final int CLOSE_WAIT_SECONDS = 5;

  /**
   * Stops accepting writes, finishes the writes already queued, and stops the thread, waiting at
   * most {@link #CLOSE_WAIT_SECONDS}: a writer still busy then is left to finish on its own (a
   * daemon thread; its callers get their outcome when it does) and logged. Idempotent.
   */
  @Override
  public void close() {
    closing.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
      if (queue.offer(STOP, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
      }
      if (thread.isAlive()) {
        log.log(
            Level.WARNING,
            "event=writer_left_running queued="
                + queue.size()
                + " wait_seconds="
                + CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
