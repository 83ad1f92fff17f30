package com.example.chat.web;

import com.example.chat.SqliteChat;
import io.chatterlink.core.ChatCore;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.WebSocketTransport;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * ChatterLink's real-time protocol on Jetty 12 (ee10), at {@code /chat/socket}, for the users of
 * the application's own bearer tokens.
 */
public final class JettyChatServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final WebSocketTransport transport;
  private final SqliteChat chat;

  private JettyChatServer(
      Server server, ServerConnector connector, WebSocketTransport transport, SqliteChat chat) {
    this.server = server;
    this.connector = connector;
    this.transport = transport;
    this.chat = chat;
  }

  /**
   * Starts the chat kept in {@code dataDir} on {@code host}:{@code port} (0: any free port).
   *
   * @throws Exception if Jetty cannot start
   */
  public static JettyChatServer start(Path dataDir, AppTokens tokens, String host, int port)
      throws Exception {
    WebSocketTransport transport =
        WebSocketTransport.builder(TransportSettings.defaults())
            .path("/chat/socket")
            .authenticator(new BearerTokenAuthenticator(tokens))
            .build();
    SqliteChat chat = SqliteChat.open(dataDir, transport.delivery());
    transport.attach(chat.core());

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> container.addEndpoint(transport.endpointConfig()));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      transport.shutdown(Duration.ZERO);
      chat.close();
      throw e;
    }
    return new JettyChatServer(server, connector, transport, chat);
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The use cases, for the application's own pages and API. */
  public ChatCore core() {
    return chat.core();
  }

  /**
   * Closes the sockets (1001, after up to 5 s for requests in progress), then Jetty, then the
   * database.
   */
  @Override
  public void close() throws Exception {
    transport.shutdown(Duration.ofSeconds(5));
    server.stop();
    chat.close();
  }
}
