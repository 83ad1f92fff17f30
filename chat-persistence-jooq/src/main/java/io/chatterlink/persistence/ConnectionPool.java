package io.chatterlink.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * A small fixed-size pool of JDBC connections for jOOQ: at most {@code size} connections, opened
 * lazily, reused, and dropped when broken. A caller waits up to {@link #ACQUIRE_TIMEOUT_SECONDS}
 * for a free one, then fails (which the stores report as unavailable).
 */
final class ConnectionPool implements ConnectionProvider, AutoCloseable {
  /** Longest wait for a free connection before a request fails. */
  static final int ACQUIRE_TIMEOUT_SECONDS = 30;

  private final String url;
  private final Properties credentials;
  private final Semaphore permits;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  ConnectionPool(String url, Properties credentials, int size) {
    this.url = url;
    this.credentials = credentials;
    this.permits = new Semaphore(size, true);
  }

  /** Opens a connection outside the pool (for the group-commit writer, which keeps its own). */
  static Connection open(String url, Properties credentials) {
    try {
      return DriverManager.getConnection(url, credentials);
    } catch (SQLException e) {
      throw new DataAccessException("could not open a database connection", e);
    }
  }

  @Override
  public Connection acquire() {
    if (closed) {
      throw new DataAccessException("the storage is closed");
    }
    try {
      if (!permits.tryAcquire(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new DataAccessException("no database connection became free in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("interrupted while waiting for a database connection", e);
    }
    Connection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    try {
      return open(url, credentials);
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  @Override
  public void release(Connection connection) {
    try {
      if (closed || connection.isClosed()) {
        connection.close();
      } else {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        idle.offer(connection);
      }
    } catch (SQLException e) {
      closeQuietly(connection);
    } finally {
      permits.release();
    }
    if (closed) {
      closeIdle();
    }
  }

  /** Closes idle connections now and the others as they come back. Idempotent. */
  @Override
  public void close() {
    closed = true;
    closeIdle();
  }

  private void closeIdle() {
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      closeQuietly(c);
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // A connection that fails to close is gone either way.
    }
  }
}
