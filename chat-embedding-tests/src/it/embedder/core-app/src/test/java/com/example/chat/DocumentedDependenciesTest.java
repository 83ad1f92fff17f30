package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What an SQLite application does not get: ChatterLink's PostgreSQL support, its transport's
 * hostings, and SLF4J (the class path is the one Maven resolved for this project's pom).
 */
class DocumentedDependenciesTest {
  @Test
  void anSqliteApplicationGetsNoPostgresSupportNoTransportAndNoSlf4j() throws Exception {
    for (String absent :
        new String[] {
          "org.postgresql.Driver",
          "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
          "org.flywaydb.database.cockroachdb.CockroachDBDatabaseType",
          "org.slf4j.LoggerFactory",
          "io.undertow.Undertow",
          "org.glassfish.grizzly.http.server.HttpServer",
          "org.glassfish.tyrus.server.TyrusServerContainer"
        }) {
      assertThatThrownBy(() -> Class.forName(absent))
          .as(absent)
          .isInstanceOf(ClassNotFoundException.class);
    }
    assertThat(Class.forName("org.sqlite.JDBC")).isNotNull();
  }
}
