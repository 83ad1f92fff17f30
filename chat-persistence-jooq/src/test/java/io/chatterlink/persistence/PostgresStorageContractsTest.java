package io.chatterlink.persistence;

/** The core's storage contracts, each test on a fresh database of an embedded PostgreSQL server. */
class PostgresStorageContractsTest extends StorageContractsOnADatabase {
  @Override
  JooqStorage openFresh() {
    return JooqStorage.open(StorageSettings.of(EmbeddedPostgresServer.freshDatabaseUrl()));
  }
}
