package io.chatterlink.transport.websocket;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * The endpoint alone on Tyrus's own Grizzly server, for embedders who want only the realtime part.
 */
final class StandaloneGrizzly implements WebSocketTransport.StandaloneServer {
  private final TyrusServerContainer container;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StandaloneGrizzly(TyrusServerContainer container, int port) {
    this.container = container;
    this.port = port;
  }

  /**
   * Starts on {@code port} (-1 or 0: an ephemeral one). Grizzly binds 0.0.0.0 whatever the host.
   */
  static StandaloneGrizzly start(ServerEndpointConfig config, int port, int incomingBufferBytes) {
    TyrusServerContainer container =
        (TyrusServerContainer)
            new GrizzlyServerContainer()
                .createContainer(
                    Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, incomingBufferBytes));
    try {
      container.addEndpoint(config);
      container.start("/", port < 0 ? 0 : port);
    } catch (IOException | DeploymentException e) {
      container.stop();
      throw new IllegalStateException(
          "cannot start the standalone WebSocket server on port " + port, e);
    }
    return new StandaloneGrizzly(container, container.getPort());
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      container.stop();
    }
  }
}
