package io.chatterlink.transport.websocket;

import io.chatterlink.core.ChatCore;
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
final class TransportRuntime {
  private final TransportSettings settings;
  private final TransportMetrics metrics;
  private final ConnectionRegistry registry = new ConnectionRegistry();
  private final ConnectionLimiter limiter;
  private final AtomicReference<ChatCore> core = new AtomicReference<>();
  private final ExecutorService outbound;
  private final ExecutorService closer =
      Executors.newCachedThreadPool(daemonThreads("chatterlink-ws-close"));
  private final AtomicInteger inFlightRequests = new AtomicInteger();
  private final AdmissionHandoff handoff = new AdmissionHandoff();
  private volatile boolean shuttingDown;

  TransportRuntime(TransportSettings settings, TransportMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.limiter = new ConnectionLimiter(settings, System::nanoTime);
    this.outbound =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemonThreads("chatterlink-ws-out"));
  }

  TransportSettings settings() {
    return settings;
  }

  /** Where the transport reports connections, requests, drops and refusals. */
  TransportMetrics metrics() {
    return metrics;
  }

  ConnectionRegistry registry() {
    return registry;
  }

  /** The caps on sockets per user and per address, and the users' request budgets. */
  ConnectionLimiter limiter() {
    return limiter;
  }

  /** Where the servlet filter leaves a handshake it admitted for the configurator. */
  AdmissionHandoff handoff() {
    return handoff;
  }

  ExecutorService outbound() {
    return outbound;
  }

  /**
   * Where sockets are closed: a close may wait for a client that does not read, and must never hold
   * up the outbound pumps.
   */
  ExecutorService closer() {
    return closer;
  }

  /** The core, once attached. */
  Optional<ChatCore> core() {
    return Optional.ofNullable(core.get());
  }

  void attach(ChatCore chatCore) {
    if (!core.compareAndSet(null, chatCore)) {
      throw new IllegalStateException("a core is already attached to this transport");
    }
  }

  boolean accepting() {
    return !shuttingDown && core.get() != null;
  }

  boolean shuttingDown() {
    return shuttingDown;
  }

  void beginShutdown() {
    shuttingDown = true;
  }

  AtomicInteger inFlightRequests() {
    return inFlightRequests;
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
