package io.chatterlink.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The accounts and rooms of one run, made fresh over HTTP so that runs never share state: account
 * names carry this process's id. Account 0 creates every room; each other account joins the rooms
 * its clients use.
 */
final class RunFixture {
  private final List<HttpSetup.Account> accounts;
  private final List<String> roomIds;

  private RunFixture(List<HttpSetup.Account> accounts, List<String> roomIds) {
    this.accounts = List.copyOf(accounts);
    this.roomIds = List.copyOf(roomIds);
  }

  /**
   * Registers {@code settings.users()} accounts and creates {@code settings.rooms()} rooms, with
   * {@code parallelism} HTTP requests at a time.
   *
   * @throws IOException when the server refuses any step; the message names the step
   */
  static RunFixture create(HttpSetup http, BenchSettings settings, String password, int parallelism)
      throws IOException, InterruptedException {
    String tag =
        "jb" + ProcessHandle.current().pid() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<HttpSetup.Account> accounts =
          all(pool, settings.users(), u -> http.register(tag + "_" + u, password));
      List<String> rooms =
          all(pool, settings.rooms(), r -> http.createRoom(accounts.get(0), tag + "-room" + r));
      Set<List<Integer>> joins = new LinkedHashSet<>();
      for (int i = 0; i < settings.clients(); i++) {
        if (settings.userOf(i) != 0) {
          joins.add(List.of(settings.userOf(i), settings.roomOf(i)));
        }
      }
      List<List<Integer>> todo = new ArrayList<>(joins);
      all(
          pool,
          todo.size(),
          k -> {
            http.joinRoom(accounts.get(todo.get(k).get(0)), rooms.get(todo.get(k).get(1)));
            return k;
          });
      return new RunFixture(accounts, rooms);
    } finally {
      pool.shutdownNow();
    }
  }

  HttpSetup.Account account(int user) {
    return accounts.get(user);
  }

  String roomId(int room) {
    return roomIds.get(room);
  }

  /** One blocking HTTP step of the setup. */
  private interface Step<T> {
    T run(int index) throws IOException, InterruptedException;
  }

  private static <T> List<T> all(ExecutorService pool, int count, Step<T> step)
      throws IOException, InterruptedException {
    List<Future<T>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> step.run(index)));
    }
    List<T> results = new ArrayList<>(count);
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException) {
          throw (IOException) e.getCause();
        }
        throw new IOException("setup step failed: " + e.getCause(), e.getCause());
      }
    }
    return results;
  }
}
