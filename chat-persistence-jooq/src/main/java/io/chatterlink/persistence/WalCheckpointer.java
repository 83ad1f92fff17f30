package io.chatterlink.persistence;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own, so that the
 * group-commit writer never does it.
 *
 * <p>SQLite checkpoints by default on the connection that commits, once the log holds 1,000 pages:
 * every few hundred messages one commit also copies those pages into the database and syncs it, on
 * the writer thread every send waits for. Under load that was a tenth of the writer's CPU and a
 * stall of its queue. Here a PASSIVE checkpoint (it never blocks the writer nor readers) runs every
 * {@link #INTERVAL}; pages written several times between two checkpoints are copied once. The
 * writer keeps SQLite's own checkpoint as a backstop at {@link
 * DatabaseTarget#WRITER_AUTOCHECKPOINT_PAGES} pages, so the log stays bounded even if this thread
 * falls behind.
 */
final class WalCheckpointer implements AutoCloseable {
  /** Time between two checkpoints. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  private static final System.Logger log = System.getLogger(WalCheckpointer.class.getName());

  private final String url;
  private final Properties credentials;
  private final Thread thread;
  private final AtomicLong framesCopied = new AtomicLong();
  private volatile boolean closed;

  private WalCheckpointer(String url, Properties credentials) {
    this.url = url;
    this.credentials = credentials;
    this.thread = new Thread(this::run, "chatterlink-wal-checkpoint");
    thread.setDaemon(true);
  }

  /** Starts checkpointing the database at {@code url} (an SQLite URL with its pragmas). */
  static WalCheckpointer start(String url, Properties credentials) {
    WalCheckpointer checkpointer = new WalCheckpointer(url, credentials);
    checkpointer.thread.start();
    return checkpointer;
  }

  /** Log frames copied into the database file so far (for tests and diagnostics). */
  long framesCopied() {
    return framesCopied.get();
  }

  private void run() {
    Connection connection = null;
    try {
      while (!closed) {
        Thread.sleep(INTERVAL.toMillis());
        try {
          if (connection == null) {
            connection = ConnectionPool.open(url, credentials);
          }
          checkpoint(connection);
        } catch (SQLException | RuntimeException e) {
          // The writer's own checkpoint still bounds the log; try again with a new connection.
          String error = e.getClass().getSimpleName();
          log.log(Level.DEBUG, () -> "event=wal_checkpoint_failed error=" + error);
          closeQuietly(connection);
          connection = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(connection);
    }
  }

  private void checkpoint(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      // One row: busy (0/1), frames in the log, frames now in the database (-1 when not WAL).
      if (result.next() && result.getLong(3) > 0) {
        framesCopied.addAndGet(result.getLong(3));
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  /** Stops the thread; SQLite checkpoints the rest when the last connection closes. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
