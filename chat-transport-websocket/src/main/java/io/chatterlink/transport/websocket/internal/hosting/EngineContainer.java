package io.chatterlink.transport.websocket.internal.hosting;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The Tyrus container behind the Undertow and Grizzly hostings: it only owns the engine; the server
 * is ours. Tyrus's server container is an optional dependency: {@code WebSocketTransport} must load
 * without it (a Jetty host never needs it), so only this package names this class.
 */
public final class EngineContainer extends TyrusServerContainer {
  /**
   * Tyrus buffers at most this much of one frame; larger frames than the limit but below this get
   * 1009.
   */
  private static final int INCOMING_BUFFER_BYTES = 1024 * 1024 + 14;

  private final WebSocketEngine engine;

  private EngineContainer() {
    super((Set<Class<?>>) null);
    this.engine =
        TyrusWebSocketEngine.builder(this).incomingBufferSize(INCOMING_BUFFER_BYTES).build();
  }

  /**
   * A container of its own with {@code endpoint} deployed: one per hosting. Typed as Tyrus's
   * container, not as this class: verifying a caller that keeps the result as a {@code
   * TyrusServerContainer} then loads neither this class nor its optional superclass.
   *
   * @param endpoint the chat endpoint
   * @return the container, its engine ready to serve {@code endpoint}
   * @throws IllegalStateException if the endpoint does not deploy
   */
  public static TyrusServerContainer deploying(ServerEndpointConfig endpoint) {
    EngineContainer container = new EngineContainer();
    try {
      container.getWebSocketEngine().register(endpoint, "");
    } catch (DeploymentException e) {
      throw new IllegalStateException("the chat endpoint does not deploy", e);
    }
    return container;
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    engine.register(endpointClass, "");
  }

  @Override
  public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
    engine.register(serverEndpointConfig, "");
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }
}
