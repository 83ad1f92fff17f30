package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ClusterBus.Listener} that records what it receives, on which thread, and gaps. */
public final class SignalCollector implements ClusterBus.Listener {
  /** Only stops a broken bus from hanging the build; it measures nothing. */
  private static final long HANG_GUARD_MILLIS = TimeUnit.SECONDS.toMillis(20);

  private final List<ClusterBus.Received> received = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private int gaps;

  /** A collector that has received nothing yet; subscribe it to a bus. */
  public SignalCollector() {}

  @Override
  public synchronized void onSignal(ClusterBus.Received signal) {
    received.add(signal);
    threads.add(Thread.currentThread());
    notifyAll();
  }

  @Override
  public synchronized void onGap() {
    gaps++;
    notifyAll();
  }

  /**
   * Everything received so far.
   *
   * @return the received signals, in arrival order
   */
  public synchronized List<ClusterBus.Received> received() {
    return List.copyOf(received);
  }

  /**
   * The signals received from one node.
   *
   * @param sender the node that sent them
   * @return its signals, in arrival order
   */
  public synchronized List<ClusterSignal> from(NodeId sender) {
    List<ClusterSignal> signals = new ArrayList<>();
    for (ClusterBus.Received r : received) {
      if (r.isFrom(sender)) {
        signals.add(r.signal());
      }
    }
    return signals;
  }

  /**
   * The threads the listener was called on.
   *
   * @return one thread per received signal, in arrival order
   */
  public synchronized List<Thread> threads() {
    return List.copyOf(threads);
  }

  /**
   * How many times {@link #onGap()} was called.
   *
   * @return the number of gaps reported
   */
  public synchronized int gaps() {
    return gaps;
  }

  /**
   * Waits until at least {@code count} signals arrived (at most 20 seconds, a guard against a hung
   * bus, never a measurement).
   *
   * @param count how many signals to wait for
   * @return every signal received, in arrival order
   * @throws AssertionError if they did not arrive in time, or the thread was interrupted
   */
  public synchronized List<ClusterBus.Received> awaitAtLeast(int count) {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MILLIS;
    while (received.size() < count) {
      long left = deadline - System.currentTimeMillis();
      assertThat(left)
          .as("waited for %d signals, have %d: %s", count, received.size(), received)
          .isPositive();
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return List.copyOf(received);
  }

  /**
   * Waits until a signal equal to {@code signal} arrived from {@code sender} (at most 20 seconds).
   *
   * @param sender the node expected to send it
   * @param signal the signal expected
   * @throws AssertionError if it did not arrive in time, or the thread was interrupted
   */
  public synchronized void awaitSignal(NodeId sender, ClusterSignal signal) {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MILLIS;
    while (!from(sender).contains(signal)) {
      long left = deadline - System.currentTimeMillis();
      assertThat(left).as("waited for %s from %s: %s", signal, sender, received).isPositive();
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
