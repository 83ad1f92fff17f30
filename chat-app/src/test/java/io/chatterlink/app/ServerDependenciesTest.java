package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The library modules declare PostgreSQL support and their hostings as optional dependencies; the
 * server declares them itself, so that it keeps everything it used to bring (this runs on the
 * server's class path, which is the self-contained jar's content).
 */
class ServerDependenciesTest {
  @Test
  void theServerBringsTheOptionalDependenciesOfTheLibraryModules() {
    assertThat(
            new String[] {
              "org.postgresql.Driver",
              "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
              "org.flywaydb.database.cockroachdb.CockroachDBDatabaseType",
              "io.undertow.Undertow",
              "org.xnio.Xnio",
              "org.glassfish.tyrus.server.TyrusServerContainer",
              "org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn",
              "org.glassfish.grizzly.http.server.HttpServer"
            })
        .allSatisfy(name -> assertThat(Class.forName(name, false, loader())).isNotNull());
  }

  private static ClassLoader loader() {
    return ServerDependenciesTest.class.getClassLoader();
  }
}
