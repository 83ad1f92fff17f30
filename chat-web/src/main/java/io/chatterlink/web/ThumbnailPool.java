package io.chatterlink.web;

import io.chatterlink.core.model.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where thumbnails are decoded: a few threads of their own with a short queue, never an I/O thread
 * nor more request workers than one per upload. Bounds, per server process (pure abuse control):
 *
 * <ul>
 *   <li>at most {@code threads} images are decoded at once, and {@code queue} more wait;
 *   <li>one user's images are decoded one at a time: an upload waits for the same user's previous
 *       thumbnail;
 *   <li>an upload waits at most {@code maxWait} in all. When the queue is full or the wait is over,
 *       the upload still succeeds, without a thumbnail (clients then show the original, which
 *       {@link ImageDimensions} keeps within bounds).
 * </ul>
 */
final class ThumbnailPool implements AutoCloseable {
  /** Draws a thumbnail of a source file into a target file; false when none could be made. */
  @FunctionalInterface
  interface Renderer {
    boolean render(Path source, Path target);
  }

  /** Queued thumbnails per thread: about a second of waiting for typical photos. */
  static final int QUEUE_PER_THREAD = 4;

  /** Longest an upload waits for its thumbnail before it is stored without one. */
  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

  private final ThreadPoolExecutor executor;
  private final Renderer renderer;
  private final Duration maxWait;
  private final Set<UserId> busy = new HashSet<>();

  ThumbnailPool(int threads, int queue, Duration maxWait, Renderer renderer) {
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "chatterlink-thumbnail-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.renderer = renderer;
    this.maxWait = maxWait;
  }

  /** One thread per core, {@link #QUEUE_PER_THREAD} waiting per thread, ImageIO thumbnails. */
  static ThumbnailPool forThisMachine() {
    int threads = Runtime.getRuntime().availableProcessors();
    return new ThumbnailPool(
        threads, threads * QUEUE_PER_THREAD, DEFAULT_MAX_WAIT, Thumbnails::write);
  }

  /**
   * Renders a thumbnail of {@code source} into {@code target} for {@code user}'s upload, waiting at
   * most the pool's wait. On false, {@code target} holds nothing the caller needs to keep (a job
   * that finishes late deletes what it wrote).
   */
  boolean render(UserId user, Path source, Path target) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    if (!claim(user, deadline)) {
      return false;
    }
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              boolean made = renderer.render(source, target);
              if (abandoned.get()) {
                deleteQuietly(target);
              }
              result.complete(made);
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            } finally {
              release(user);
            }
          });
    } catch (RejectedExecutionException full) {
      release(user);
      return false;
    }
    try {
      return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      abandoned.set(true);
      return false;
    }
  }

  /** Waits until no thumbnail of {@code user}'s is in the pool, then takes the user's turn. */
  private synchronized boolean claim(UserId user, long deadline) throws InterruptedException {
    while (busy.contains(user)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    busy.add(user);
    return true;
  }

  /** Thumbnails waiting for a thread now. */
  int queued() {
    return executor.getQueue().size();
  }

  private synchronized void release(UserId user) {
    busy.remove(user);
    notifyAll();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temp file is harmless; the upload sweep deletes old ones.
    }
  }

  /** Stops the threads; queued thumbnails are dropped, their uploads stored without one. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
