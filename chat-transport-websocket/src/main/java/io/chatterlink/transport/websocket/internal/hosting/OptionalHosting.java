package io.chatterlink.transport.websocket.internal.hosting;

import io.chatterlink.transport.websocket.WebSocketTransport;
import java.util.List;

/**
 * The hostings whose libraries are optional dependencies of this module: an embedder adds the one
 * it uses. Each check runs before the hosting's classes are touched, so that a missing library is a
 * message naming its Maven coordinates instead of a {@link NoClassDefFoundError} from deep inside.
 * Hosting through {@link WebSocketTransport#endpointConfig()} (Jetty, any Jakarta WebSocket
 * container) needs none of them.
 */
public enum OptionalHosting {
  /** {@link WebSocketTransport#undertowHandler}: Undertow, and Tyrus's server container. */
  UNDERTOW(
      "undertowHandler(...)",
      List.of(
          new Library("io.undertow.server.HttpHandler", "io.undertow:undertow-core"),
          new Library(
              "org.glassfish.tyrus.server.TyrusServerContainer",
              "org.glassfish.tyrus:tyrus-server"))),
  /** {@link WebSocketTransport#startStandalone}: Tyrus's server on Grizzly. */
  GRIZZLY(
      "startStandalone(...)",
      List.of(
          new Library(
              "org.glassfish.tyrus.server.TyrusServerContainer",
              "org.glassfish.tyrus:tyrus-server"),
          new Library(
              "org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn",
              "org.glassfish.tyrus:tyrus-container-grizzly-server")));

  private final String method;
  private final List<Library> libraries;

  OptionalHosting(String method, List<Library> libraries) {
    this.method = method;
    this.libraries = libraries;
  }

  /**
   * Checks that this hosting's libraries are on the class path of this module.
   *
   * @throws IllegalStateException naming the missing artifacts and how to add them
   */
  public void require() {
    ClassLoader loader = OptionalHosting.class.getClassLoader();
    List<String> missing =
        libraries.stream()
            .filter(library -> !library.isPresent(loader))
            .map(Library::coordinates)
            .toList();
    if (!missing.isEmpty()) {
      String artifacts = String.join(" and ", missing);
      throw new IllegalStateException(
          "WebSocketTransport."
              + method
              + " needs "
              + artifacts
              + " on the class path: the transport's hostings are optional dependencies of"
              + " chat-transport-websocket. Add "
              + artifacts
              + " to your build, at the versions in the table \"What you need for what\" of"
              + " docs/embedding.md, or deploy endpointConfig() in a Jakarta WebSocket container"
              + " of your own");
    }
  }

  /** A library, known by one class it ships. */
  private record Library(String className, String coordinates) {
    boolean isPresent(ClassLoader loader) {
      try {
        Class.forName(className, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
