package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.WebSocketTransport;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What {@link OptionalHostingTest} runs inside its class loaders. Plain calls, no reflection on
 * {@link WebSocketTransport}: reflection would resolve every method's signature, Undertow's types
 * included, which no embedder's code does.
 */
final class OptionalHostingProbes {
  private OptionalHostingProbes() {}

  /** Builds a transport for a container of one's own; answers the endpoint's path. */
  static final class EndpointConfig implements Callable<String> {
    @Override
    public String call() {
      WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
      try {
        return transport.endpointConfig().getPath()
            + " "
            + transport.endpointConfig().getConfigurator().getClass().getSimpleName();
      } finally {
        transport.shutdown(Duration.ZERO);
      }
    }
  }

  /** Starts the standalone Grizzly hosting. */
  static final class Standalone implements Callable<Integer> {
    @Override
    public Integer call() {
      WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
      try (WebSocketTransport.StandaloneServer server =
          transport.startStandalone("127.0.0.1", -1)) {
        return server.port();
      } finally {
        transport.shutdown(Duration.ZERO);
      }
    }
  }

  /** Makes the Undertow handler. */
  static final class Undertow implements Callable<String> {
    @Override
    public String call() {
      WebSocketTransport transport = WebSocketTransport.create(TransportSettings.defaults());
      try {
        return transport.undertowHandler(exchange -> {}).getClass().getSimpleName();
      } finally {
        transport.shutdown(Duration.ZERO);
      }
    }
  }
}
