package io.chatterlink.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the API requests in progress per client address and refuses one over the cap, so that one
 * address cannot tie up the server's request pools (for example with many half-sent bodies). A
 * request counts from the moment its headers are read until its exchange completes. The count is
 * per node: a cap on this process's threads, not a cluster-wide quota.
 */
final class AddressGate {
  private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();
  private final int maxPerAddress;

  AddressGate(int maxPerAddress) {
    this.maxPerAddress = maxPerAddress;
  }

  /** Counts one more request from {@code address}, unless it already has the maximum. */
  boolean tryEnter(String address) {
    boolean[] entered = {false};
    inProgress.compute(
        address,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= maxPerAddress) {
            return count;
          }
          entered[0] = true;
          return now + 1;
        });
    return entered[0];
  }

  /** Counts one request from {@code address} as done; forgets the address at zero. */
  void leave(String address) {
    inProgress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Requests in progress from {@code address}. */
  int inProgress(String address) {
    return inProgress.getOrDefault(address, 0);
  }
}
