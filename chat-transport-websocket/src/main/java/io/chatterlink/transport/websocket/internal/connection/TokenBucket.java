package io.chatterlink.transport.websocket.internal.connection;

import java.util.function.LongSupplier;

/**
 * A request budget (one per user on a node, shared by their sockets): {@code burst} tokens,
 * refilled at {@code perSecond}. Also counts consecutive refusals, so that abuse can be told from a
 * short spike. Thread-safe.
 */
public final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;
  private int consecutiveRefusals;

  public TokenBucket(int burst, int perSecond, LongSupplier nanoTime) {
    this.capacity = burst;
    this.perNano = (double) perSecond / NANOS_PER_SECOND;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes a token; false when the budget is spent (and the refusal is counted). */
  public synchronized boolean tryTake() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      consecutiveRefusals = 0;
      return true;
    }
    consecutiveRefusals++;
    return false;
  }

  /** Refusals since the last request that was let through. */
  public synchronized int consecutiveRefusals() {
    return consecutiveRefusals;
  }
}
