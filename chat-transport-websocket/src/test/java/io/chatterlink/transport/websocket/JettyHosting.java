package io.chatterlink.transport.websocket;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The endpoint in Jetty 12 (ee10), deployed as an embedder would: the transport's {@link
 * WebSocketTransport#endpointConfig()} through {@code JakartaWebSocketServletContainerInitializer},
 * with or without the {@link ServletHandshakeFilter} in front of Jetty's upgrade.
 */
enum JettyHosting implements Host {
  /** The documented way: refusals are HTTP answers before the upgrade. */
  WITH_HANDSHAKE_FILTER(true),
  /** The endpoint alone: Jetty upgrades first, refusals are close codes. */
  ENDPOINT_ONLY(false);

  private final boolean filter;

  JettyHosting(boolean filter) {
    this.filter = filter;
  }

  @Override
  public Hosting.Hosted start(WebSocketTransport transport) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    server.setHandler(context);
    JakartaWebSocketServletContainerInitializer.configure(
        context,
        (servletContext, container) -> {
          container.addEndpoint(transport.endpointConfig());
          if (filter) {
            servletContext
                .addFilter("chatterlink-handshake", new ServletHandshakeFilter(transport))
                .addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST), false, transport.path());
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
    return new Hosting.Hosted(
        connector.getLocalPort(),
        () -> {
          try {
            server.stop();
          } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
          }
        });
  }
}
