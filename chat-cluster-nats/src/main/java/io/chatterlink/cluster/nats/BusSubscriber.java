package io.chatterlink.cluster.nats;

import io.chatterlink.core.port.out.ClusterBus;
import java.util.Objects;

/**
 * One listener of an {@link NatsClusterBus}. Calls and {@link #close()} take the same lock, so that
 * once close returns no call is running or follows; a listener may close itself from a call.
 */
final class BusSubscriber implements ClusterBus.Subscription {
  private final ClusterBus.Listener listener;
  private final Runnable onClose;
  private boolean open = true;

  BusSubscriber(ClusterBus.Listener listener, Runnable onClose) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.onClose = onClose;
  }

  synchronized void deliver(ClusterBus.Received received) {
    if (!open) {
      return;
    }
    try {
      listener.onSignal(received);
    } catch (RuntimeException dropped) {
      // A failing listener must not stop the signals after it, nor other listeners' (contract).
    }
  }

  synchronized void gap() {
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
