package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.WebSocketTransport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * The endpoint alone on a Grizzly server with Tyrus's WebSocket add-on, for embedders who want only
 * the realtime part. The listener is built here rather than by Tyrus's {@code
 * GrizzlyServerContainer}, which binds 0.0.0.0 whatever host it is given.
 */
public final class StandaloneGrizzly implements WebSocketTransport.StandaloneServer {
  private final HttpServer server;
  private final TyrusServerContainer container;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StandaloneGrizzly(HttpServer server, TyrusServerContainer container, int port) {
    this.server = server;
    this.container = container;
    this.port = port;
  }

  /** Starts on {@code host} and {@code port} (-1 or 0: an ephemeral one). */
  public static StandaloneGrizzly start(TyrusServerContainer container, String host, int port) {
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("chatterlink-ws", host, port < 0 ? 0 : port);
    // A WebSocket lives as long as it is used; Heartbeat judges idleness, not the HTTP keep-alive.
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    listener.registerAddOn(new WebSocketAddOn(container, ""));
    server.addListener(listener);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      server.shutdownNow();
      throw new IllegalStateException(
          "cannot start the standalone WebSocket server on " + host + ":" + port, e);
    }
    return new StandaloneGrizzly(server, container, listener.getPort());
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutdownNow();
      container.stop();
    }
  }
}
