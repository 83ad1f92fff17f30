package io.chatterlink.core;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's own threads for the work after an asynchronous send's commit (the hand-off to
 * delivery), made on first use only: a core whose callers never send asynchronously holds none. One
 * thread per processor, daemon, idle ones ended after a minute.
 */
final class AfterCommitThreads implements Executor, AutoCloseable {
  private final AtomicInteger named = new AtomicInteger();
  private ExecutorService threads;
  private boolean closed;

  @Override
  public void execute(Runnable work) {
    pool().execute(work);
  }

  private synchronized ExecutorService pool() {
    if (closed) {
      throw new java.util.concurrent.RejectedExecutionException("the core is closed");
    }
    if (threads == null) {
      int size = Runtime.getRuntime().availableProcessors();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              size,
              size,
              1,
              TimeUnit.MINUTES,
              new LinkedBlockingQueue<>(),
              work -> {
                Thread thread =
                    new Thread(work, "chatterlink-after-commit-" + named.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      pool.allowCoreThreadTimeOut(true);
      threads = pool;
    }
    return threads;
  }

  /** Lets queued work finish, then ends the threads; later sends are refused. */
  @Override
  public synchronized void close() {
    closed = true;
    if (threads != null) {
      threads.shutdown();
    }
  }
}
