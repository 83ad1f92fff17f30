package io.chatterlink.transport.websocket;

import io.undertow.Undertow;
import java.net.InetSocketAddress;

/** The transport's own two hostings, each on an ephemeral port (Jetty: {@link JettyHosting}). */
enum Hosting implements Host {
  /** Tyrus driven from an Undertow handler: one origin for pages and socket. */
  UNDERTOW {
    @Override
    public Hosted start(WebSocketTransport transport) {
      Undertow server =
          Undertow.builder()
              .addHttpListener(0, "127.0.0.1")
              .setHandler(
                  transport.undertowHandler(
                      exchange -> {
                        exchange.setStatusCode(404);
                        exchange.getResponseSender().send("not here");
                      }))
              .build();
      server.start();
      int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
      return new Hosted(port, server::stop);
    }
  },
  /** Tyrus on its own Grizzly server. */
  GRIZZLY {
    @Override
    public Hosted start(WebSocketTransport transport) {
      WebSocketTransport.StandaloneServer server = transport.startStandalone("127.0.0.1", -1);
      return new Hosted(server.port(), server::close);
    }
  };

  @Override
  public abstract Hosted start(WebSocketTransport transport);

  /** A running server. */
  record Hosted(int port, Runnable stop) {}
}
