package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds of the thumbnail pool, with a renderer the test holds and releases. */
class ThumbnailPoolTest {
  private static final Path SOURCE = Path.of("source");
  private static final Path TARGET = Path.of("target");

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private final ExecutorService uploads = Executors.newCachedThreadPool();

  /** Renders after the test releases it; counts starts and remembers its threads. */
  private final ThumbnailPool.Renderer held =
      (source, target) -> {
        started.incrementAndGet();
        threads.add(Thread.currentThread().getName());
        try {
          return release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      };

  @AfterEach
  void stop() {
    release.countDown();
    uploads.shutdownNow();
  }

  @Test
  void thumbnailsAreDrawnOnThePoolsOwnThreadsNotTheUploadsThread() throws Exception {
    try (ThumbnailPool pool =
        new ThumbnailPool(
            1,
            1,
            Duration.ofSeconds(20),
            (s, t) -> {
              threads.add(Thread.currentThread().getName());
              return true;
            })) {
      assertThat(pool.render(new UserId("u1"), SOURCE, TARGET)).isTrue();
    }

    assertThat(threads).singleElement().asString().startsWith("chatterlink-thumbnail-");
  }

  @Test
  void whenEveryThreadIsBusyAndTheQueueIsFullAnUploadGetsNoThumbnailAtOnce() throws Exception {
    try (ThumbnailPool pool = new ThumbnailPool(1, 1, Duration.ofSeconds(20), held)) {
      Future<Boolean> running = uploads.submit(() -> pool.render(new UserId("u1"), SOURCE, TARGET));
      awaitStarted(1);
      Future<Boolean> queued = uploads.submit(() -> pool.render(new UserId("u2"), SOURCE, TARGET));
      awaitQueued(pool, 1);

      long before = System.nanoTime();
      boolean third = pool.render(new UserId("u3"), SOURCE, TARGET);

      assertThat(third).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
      release.countDown();
      assertThat(running.get(20, TimeUnit.SECONDS)).isTrue();
      assertThat(queued.get(20, TimeUnit.SECONDS)).isTrue();
      assertThat(started).hasValue(2);
    }
  }

  @Test
  void oneUsersThumbnailsAreDrawnOneAtATimeEvenWithThreadsFree() throws Exception {
    try (ThumbnailPool pool = new ThumbnailPool(4, 16, Duration.ofSeconds(20), held)) {
      UserId flooder = new UserId("flooder");
      List<Future<Boolean>> six =
          java.util.stream.IntStream.range(0, 6)
              .mapToObj(i -> uploads.submit(() -> pool.render(flooder, SOURCE, TARGET)))
              .toList();
      awaitStarted(1);
      Thread.sleep(200); // time for a second job of the same user to start, were it allowed

      assertThat(started).hasValue(1);
      Future<Boolean> other =
          uploads.submit(() -> pool.render(new UserId("other"), SOURCE, TARGET));
      awaitStarted(2);
      release.countDown();
      for (Future<Boolean> f : six) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(other.get(20, TimeUnit.SECONDS)).isTrue();
      assertThat(started).hasValue(7);
    }
  }

  @Test
  void anUploadWaitsAtMostTheMaxWaitThenGoesOnWithoutAThumbnail() throws Exception {
    try (ThumbnailPool pool = new ThumbnailPool(1, 1, Duration.ofMillis(200), held)) {
      assertThat(pool.render(new UserId("u1"), SOURCE, TARGET)).isFalse();
      // The user's turn is still taken by the job that runs on: the next upload waits, then gives
      // up.
      assertThat(pool.render(new UserId("u1"), SOURCE, TARGET)).isFalse();
      assertThat(started).hasValue(1);
    }
  }

  private void awaitStarted(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (started.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(started.get()).isGreaterThanOrEqualTo(count);
  }

  private static void awaitQueued(ThumbnailPool pool, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (pool.queued() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(pool.queued()).isEqualTo(count);
  }
}
