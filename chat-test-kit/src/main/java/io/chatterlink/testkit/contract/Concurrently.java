package io.chatterlink.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs the same task on several threads at once, to provoke races in the stores. */
public final class Concurrently {
  /**
   * Generous bound that only stops a deadlocked test from hanging the build; it measures nothing.
   */
  private static final long HANG_GUARD_SECONDS = 120;

  private Concurrently() {}

  /**
   * Runs {@code task.apply(i)} for each i from 0 to {@code threads - 1}, each on its own thread,
   * all released together.
   *
   * @param threads how many threads, each running the task once
   * @param task what each thread runs, given its index
   * @param <T> what the task returns
   * @return the results, in the order of i
   * @throws AssertionError if a task threw (with the failure as cause) or the tasks hung
   */
  public static <T> List<T> run(int threads, IntFunction<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        Callable<T> call =
            () -> {
              start.await();
              return task.apply(index);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for concurrent tasks", e);
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent tasks did not finish", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
