package io.chatterlink.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two bounded pools API work runs on: one for endpoints (whose JSON bodies have already arrived
 * in full, so a thread is never held by a slow client) and one for uploads, which stream to disk
 * and so can be held by a slow client for as long as it keeps the minimum pace. Kept apart so that
 * uploads can never take the threads logins, sends and history need. Both queues are bounded: work
 * beyond them is refused at once instead of piling up.
 */
final class RequestPools implements AutoCloseable {
  private final ThreadPoolExecutor api;
  private final ThreadPoolExecutor uploads;

  RequestPools(RequestLimits limits) {
    this.api = pool("chat-web-api-", limits.apiThreads(), limits.queuedRequests());
    this.uploads = pool("chat-web-upload-", limits.uploadThreads(), limits.queuedRequests());
  }

  /** Runs {@code task} on the endpoint pool; false when its queue is full. */
  boolean runEndpoint(Runnable task) {
    return submit(api, task);
  }

  /** Runs {@code task} on the upload pool; false when its queue is full. */
  boolean runUpload(Runnable task) {
    return submit(uploads, task);
  }

  private static boolean submit(ThreadPoolExecutor pool, Runnable task) {
    try {
      pool.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Stops taking work and waits briefly for running requests; a second call does nothing. */
  @Override
  public void close() {
    api.shutdown();
    uploads.shutdown();
    try {
      if (!api.awaitTermination(5, TimeUnit.SECONDS)) {
        api.shutdownNow();
      }
      if (!uploads.awaitTermination(1, TimeUnit.SECONDS)) {
        uploads.shutdownNow();
      }
    } catch (InterruptedException e) {
      api.shutdownNow();
      uploads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadPoolExecutor pool(String prefix, int threads, int queued) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queued),
            daemonThreads(prefix));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
