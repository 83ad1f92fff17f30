package com.example.chat.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A Jetty host of the transport gets none of its optional hostings: no Undertow, XNIO, Grizzly or
 * Tyrus server (the class path is the one Maven resolved for this project's pom).
 */
class DocumentedDependenciesTest {
  @Test
  void aJettyHostGetsNoUndertowXnioGrizzlyOrTyrusServer() {
    for (String absent :
        new String[] {
          "io.undertow.Undertow",
          "org.xnio.Xnio",
          "org.glassfish.grizzly.http.server.HttpServer",
          "org.glassfish.tyrus.server.TyrusServerContainer",
          "org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn",
          "org.glassfish.tyrus.client.ClientManager",
          "org.postgresql.Driver"
        }) {
      assertThatThrownBy(() -> Class.forName(absent))
          .as(absent)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }
}
