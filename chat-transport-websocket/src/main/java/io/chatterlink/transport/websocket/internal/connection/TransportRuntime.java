package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.ChatCore;
import io.chatterlink.transport.websocket.TransportMetrics;
import io.chatterlink.transport.websocket.TransportSettings;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every endpoint of one transport shares: the settings, the core (attached after it is built),
 * the registry, the outbound executor and the shutdown state. One per {@link WebSocketTransport};
 * nothing is static.
 */
public final class TransportRuntime {
  private final TransportSettings settings;
  private final TransportMetrics metrics;
  private final ConnectionRegistry registry = new ConnectionRegistry();
  private final ConnectionLimiter limiter;
  private final AtomicReference<ChatCore> core = new AtomicReference<>();
  private final ExecutorService outbound;
  private final ExecutorService closer =
      Executors.newCachedThreadPool(daemonThreads("chatterlink-ws-close"));
  private final AtomicInteger inFlightRequests = new AtomicInteger();
  private volatile boolean shuttingDown;

  public TransportRuntime(TransportSettings settings, TransportMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.limiter = new ConnectionLimiter(settings, System::nanoTime);
    this.outbound =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemonThreads("chatterlink-ws-out"));
  }

  public TransportSettings settings() {
    return settings;
  }

  /** Where the transport reports connections, requests, drops and refusals. */
  public TransportMetrics metrics() {
    return metrics;
  }

  public ConnectionRegistry registry() {
    return registry;
  }

  /** The caps on sockets per user and per address, and the users' request budgets. */
  public ConnectionLimiter limiter() {
    return limiter;
  }

  public ExecutorService outbound() {
    return outbound;
  }

  /**
   * Where sockets are closed: a close may wait for a client that does not read, and must never hold
   * up the outbound pumps.
   */
  public ExecutorService closer() {
    return closer;
  }

  /** The core, once attached. */
  public Optional<ChatCore> core() {
    return Optional.ofNullable(core.get());
  }

  public void attach(ChatCore chatCore) {
    if (!core.compareAndSet(null, chatCore)) {
      throw new IllegalStateException("a core is already attached to this transport");
    }
  }

  public boolean accepting() {
    return !shuttingDown && core.get() != null;
  }

  public boolean shuttingDown() {
    return shuttingDown;
  }

  public void beginShutdown() {
    shuttingDown = true;
  }

  public AtomicInteger inFlightRequests() {
    return inFlightRequests;
  }

  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
