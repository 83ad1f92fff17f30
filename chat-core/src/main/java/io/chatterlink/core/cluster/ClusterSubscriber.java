package io.chatterlink.core.cluster;

import io.chatterlink.core.port.out.ClusterBus;
import java.util.Objects;

/**
 * One listener of a {@link ClusterBus} adapter, the part every adapter shares: calls and {@link
 * #close()} take the same lock, so that once close returns no call is running or follows; a
 * listener may close itself from a call; a listener that throws still gets the signals after it
 * (the bus contract). Adapters keep a list of these and hand each received signal to every one.
 */
public final class ClusterSubscriber implements ClusterBus.Subscription {
  private final ClusterBus.Listener listener;
  private final Runnable onClose;
  private boolean open = true;

  /**
   * @param listener the listener to call
   * @param onClose what the adapter does when the subscription closes (forget this subscriber)
   */
  public ClusterSubscriber(ClusterBus.Listener listener, Runnable onClose) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.onClose = onClose;
  }

  /**
   * Hands one received signal to the listener, unless the subscription was closed. Waits while
   * another call or {@link #close()} of this subscriber runs; an exception the listener throws is
   * dropped (the signals after it still come).
   *
   * @param received the signal and the node that published it, as the adapter decoded it
   */
  public synchronized void deliver(ClusterBus.Received received) {
    if (!open) {
      return;
    }
    try {
      listener.onSignal(received);
    } catch (RuntimeException dropped) {
      // A failing listener must not stop the signals after it, nor other listeners' (contract).
    }
  }

  /** Tells the listener that signals may have been lost, unless the subscription was closed. */
  public synchronized void gap() {
    if (!open) {
      return;
    }
    try {
      listener.onGap();
    } catch (RuntimeException dropped) {
      // As in deliver: the next signals still come.
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
    }
    onClose.run();
  }
}
